import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackendChannels } from '../../main/services/serve-channels';
import { answerApiCall, isApiPath } from './api-route';
import { answerRendererFile } from './renderer-files';

export interface HarnessServer {
  /** http://127.0.0.1:<port>, the renderer's origin. */
  origin: string;
  port: number;
  /** For the test process's calls only; never served to the page. */
  token: string;
  close(): Promise<void>;
}

export interface HarnessServerOptions {
  rendererDir: string;
  channels: BackendChannels;
  maxBodyBytes?: number;
}

/**
 * Test-only, never packaged: on 127.0.0.1 at a random port, the built renderer, and `window.api`
 * calls at `/api/<channel>` for the test process to forward (the page's CSP lets it fetch nothing).
 * A Host other than its own address is refused, so a DNS-rebound name cannot reach it.
 */
export async function startHarnessServer({ rendererDir, channels, maxBodyBytes }: HarnessServerOptions): Promise<HarnessServer> {
  const token = randomBytes(32).toString('base64url');
  let origin = '';
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (`http://${request.headers.host ?? ''}` !== origin) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected Request');
      return;
    }
    if (isApiPath(request.url)) await answerApiCall(request, response, { channels, token, origin, ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }) });
    else await answerRendererFile(request, response, rendererDir);
  };
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
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
    token,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
