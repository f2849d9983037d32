import { WebSocket } from 'ws';

/**
 * A WebSocket client for tests of the private stream, the sandbox's own and through the signing
 * proxy: it queues the JSON messages as they come and hands them out in order.
 */
export interface OpenStream {
  /** The next message, waiting for it if none is queued; rejects if none comes in time or the stream ends. */
  next(): Promise<unknown>;
  /** Resolves once a ping has come back: every message the server sent before it is then queued. */
  roundTrip(): Promise<void>;
  /** Messages received and not yet taken by next(). */
  queued(): unknown[];
  close(): Promise<void>;
}

export type StreamAttempt = { opened: true; stream: OpenStream } | { opened: false; status: number; body: string };

const WAIT_MS = 5000;

function wrap(socket: WebSocket): OpenStream {
  const messages: unknown[] = [];
  let waiting: ((message: unknown) => void) | undefined;
  socket.on('message', (data) => {
    const message: unknown = JSON.parse(data.toString());
    if (waiting) waiting(message);
    else messages.push(message);
  });
  return {
    next: () => {
      if (messages.length > 0) return Promise.resolve(messages.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message within ${WAIT_MS} ms`)), WAIT_MS);
        const ended = () => reject(new Error('the stream closed before the next message'));
        socket.once('close', ended);
        waiting = (message) => {
          waiting = undefined;
          clearTimeout(timer);
          socket.off('close', ended);
          resolve(message);
        };
      });
    },
    roundTrip: () =>
      new Promise((resolve) => {
        socket.once('pong', () => resolve());
        socket.ping();
      }),
    queued: () => [...messages],
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) {
          resolve();
          return;
        }
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

/** Opens `url` (ws://...) with `headers`; a refused upgrade comes back as its status and body. */
export function connectStream(url: string, headers: Record<string, string> = {}): Promise<StreamAttempt> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, handshakeTimeout: WAIT_MS });
    socket.once('open', () => resolve({ opened: true, stream: wrap(socket) }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        socket.terminate();
        resolve({ opened: false, status: response.statusCode ?? 0, body });
      });
    });
    // Kept for the socket's life: an error after the settlement (the refused handshake's abort) must not go unhandled.
    socket.on('error', reject);
  });
}
