import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN } from '../../main/window/app-origin';
import { serveAppRequest } from '../../main/window/app-protocol-response';

export interface RendererServer {
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 at a random port with the app protocol's own handler,
 * so the page gets the same files, types and CSP header as in the app. It serves files only:
 * the API travels over a Playwright binding, never over HTTP. A Host other than its own address
 * is refused, so a DNS-rebound name cannot read the renderer through it.
 */
export async function startRendererServer(rootDir: string): Promise<RendererServer> {
  let origin = '';
  const server = createServer((request, response) => {
    answer(request, response, rootDir, origin).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, rootDir: string, origin: string): Promise<void> {
  if (`http://${request.headers.host ?? ''}` !== origin) {
    response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected Request');
    return;
  }
  const appUrl = new URL(request.url ?? '/', APP_ORIGIN).href;
  const served = await serveAppRequest(new Request(appUrl, { method: request.method ?? 'GET' }), rootDir);
  response.writeHead(served.status, Object.fromEntries(served.headers));
  response.end(Buffer.from(await served.arrayBuffer()));
}
