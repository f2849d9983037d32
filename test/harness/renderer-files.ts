import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_ORIGIN } from '../../main/window/app-origin';
import { serveAppRequest } from '../../main/window/app-protocol-response';

/** A file of the built renderer through the app protocol's own handler: the same files, types and CSP header as in the app. */
export async function answerRendererFile(request: IncomingMessage, response: ServerResponse, rootDir: string): Promise<void> {
  const appUrl = new URL(request.url ?? '/', APP_ORIGIN).href;
  const served = await serveAppRequest(new Request(appUrl, { method: request.method ?? 'GET' }), rootDir);
  response.writeHead(served.status, Object.fromEntries(served.headers));
  response.end(Buffer.from(await served.arrayBuffer()));
}
