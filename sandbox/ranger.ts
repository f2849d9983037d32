import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { rangerPaths } from '../app/barong/paths';
import { authorize } from './authorize';
import type { ExchangeEvent } from './exchange';
import { presentOrder, presentTrade } from './exchange';
import { headerValue, HttpFailure, MAX_BODY_BYTES, parseCookies } from './http';
import type { SandboxState } from './state';

/**
 * Peatio's private ranger stream, as little of it as a client needs to follow its own orders: a
 * WebSocket at /api/v2/ranger/private, authorised at the upgrade like any private call, that
 * pushes the member's order and trade events on the streams named in the query
 * (`?stream=order&stream=trade`). Subscribing later by message is left out.
 */
export interface Ranger {
  handleUpgrade(incoming: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Ends every stream: an upgraded socket would otherwise hold the server's close open. */
  close(): void;
}

interface Subscriber {
  uid: string;
  streams: ReadonlySet<string>;
  socket: WebSocket;
}

/** The refusal as Barong words it, written on the raw socket since no HTTP response object exists for an upgrade. */
function refuse(socket: Duplex, failure: HttpFailure): void {
  const body = JSON.stringify({ errors: failure.codes });
  const head = [
    `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status] ?? 'Refused'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

const messageFor = (event: ExchangeEvent): { stream: string; uid: string; text: string } =>
  event.kind === 'order'
    ? { stream: 'order', uid: event.order.uid, text: JSON.stringify({ order: presentOrder(event.order) }) }
    : { stream: 'trade', uid: event.trade.uid, text: JSON.stringify({ trade: presentTrade(event.trade) }) };

export function createRanger(state: SandboxState): Ranger {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const subscribers = new Set<Subscriber>();

  state.exchange.onEvent((event) => {
    const { stream, uid, text } = messageFor(event);
    for (const subscriber of subscribers) {
      if (subscriber.uid === uid && subscriber.streams.has(stream) && subscriber.socket.readyState === WebSocket.OPEN) subscriber.socket.send(text);
    }
  });

  const handleUpgrade = (incoming: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = URL.parse(incoming.url ?? '/', 'http://sandbox.invalid');
    if (!url || url.pathname !== rangerPaths.private) {
      refuse(socket, new HttpFailure(404, 'route.not_found'));
      return;
    }
    let uid: string;
    try {
      const request = {
        method: (incoming.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        headers: incoming.headers,
        params: Object.fromEntries(url.searchParams),
        cookies: parseCookies(headerValue(incoming.headers, 'cookie')),
      };
      uid = authorize(request, state).uid;
    } catch (error) {
      refuse(socket, error instanceof HttpFailure ? error : new HttpFailure(500, 'server.internal_error'));
      return;
    }
    const streams = [...new Set(url.searchParams.getAll('stream'))];
    server.handleUpgrade(incoming, socket, head, (connection) => {
      const subscriber: Subscriber = { uid, streams: new Set(streams), socket: connection };
      subscribers.add(subscriber);
      connection.on('close', () => subscribers.delete(subscriber));
      // A broken frame from the client ends its stream, never the sandbox.
      connection.on('error', () => connection.terminate());
      connection.send(JSON.stringify({ success: { message: 'subscribed', streams } }));
    });
  };

  return {
    handleUpgrade,
    close: () => {
      for (const subscriber of subscribers) subscriber.socket.terminate();
      server.close();
    },
  };
}
