import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it arrived, before any decoding. */
export interface RecordedRequest {
  method: string;
  /** The request target up to '?', still percent-encoded. */
  rawPath: string;
  /** Everything after the first '?', still encoded; '' when there is none. */
  rawQuery: string;
  /** Lower-cased names, as Node reports them. */
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface EchoServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  /** Every request so far, oldest first. */
  requests: RecordedRequest[];
  /** Removes and returns the requests recorded so far. */
  take(): RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server on an ephemeral port that records each request and answers
 * 200 {"ok":true}, so commands under test can be run for real against it.
 */
export async function startEchoServer(): Promise<EchoServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = request.url ?? '';
      const mark = target.indexOf('?');
      requests.push({
        method: request.method ?? '',
        rawPath: mark < 0 ? target : target.slice(0, mark),
        rawQuery: mark < 0 ? '' : target.slice(mark + 1),
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    take: () => requests.splice(0, requests.length),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
