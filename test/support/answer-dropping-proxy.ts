import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AnswerDroppingProxy {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  /**
   * The next request with this method and path reaches the exchange, which acts on it, but its
   * answer never comes back: the connection is cut once the exchange has answered.
   */
  dropAnswerTo(method: string, path: string): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of an exchange, for the failure a client cannot tell apart from
 * a crash: the request was carried out and the answer was lost on the way back.
 */
export async function startAnswerDroppingProxy(target: string): Promise<AnswerDroppingProxy> {
  const upstream = new URL(target);
  let drop: { method: string; path: string } | undefined;
  const server = createServer((incoming, outgoing) => {
    const dropThis = drop !== undefined && drop.method === incoming.method && drop.path === incoming.url;
    if (dropThis) drop = undefined;
    const proxied = forward(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        if (dropThis) {
          answer.resume();
          answer.on('end', () => incoming.socket.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => incoming.socket.destroy());
    incoming.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dropAnswerTo: (method, path) => {
      drop = { method, path };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
