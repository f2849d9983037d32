import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { authorize, classifyPath } from './authorize';
import type { Reply, SandboxRequest } from './http';
import { headerValue, HttpFailure, parseBody, parseCookies, readBody } from './http';
import type { Ranger } from './ranger';
import type { Route } from './router';
import { matchRoute } from './router';
import { apiKeyRoutes } from './routes/api-keys';
import { identityRoutes } from './routes/identity';
import { peatioRoutes } from './routes/peatio';
import { userRoutes } from './routes/users';
import type { SandboxState } from './state';
import type { UserRecord } from './users';

const ROUTES: readonly Route[] = [...identityRoutes, ...userRoutes, ...apiKeyRoutes, ...peatioRoutes];

/**
 * Authorisation comes before routing, as at a gateway that asks Barong about every request: an
 * unknown private path still needs credentials before it can be told apart from a known one.
 */
async function dispatch(incoming: IncomingMessage, state: SandboxState): Promise<Reply> {
  const url = URL.parse(incoming.url ?? '/', 'http://sandbox.invalid');
  if (!url) throw new HttpFailure(400, 'request.invalid_url');
  const method = (incoming.method ?? 'GET').toUpperCase();
  const body = parseBody(await readBody(incoming), headerValue(incoming.headers, 'content-type'));
  const request: SandboxRequest = {
    method,
    path: url.pathname,
    headers: incoming.headers,
    params: { ...Object.fromEntries(url.searchParams), ...body },
    cookies: parseCookies(headerValue(incoming.headers, 'cookie')),
  };
  const access = classifyPath(request.path);
  if (access === 'denied') throw new HttpFailure(401, 'authz.permission_denied');
  let user: UserRecord | undefined;
  if (access === 'private') user = authorize(request, state);
  const match = matchRoute(ROUTES, method, request.path);
  if (match.kind === 'none') throw new HttpFailure(404, 'route.not_found');
  if (match.kind === 'wrong_method') throw new HttpFailure(405, 'route.method_not_allowed');
  return match.route.handle({ request, state, user, pathParams: match.pathParams });
}

function send(response: ServerResponse, reply: Reply, nowMs: number): void {
  // Set here rather than left to node:http, which would take it from this computer's clock.
  const headers: Record<string, string> = { ...reply.headers, Date: new Date(nowMs).toUTCString() };
  // Requests are not logged; answers must not be cached anywhere either, they may carry secrets.
  headers['Cache-Control'] = 'no-store';
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  response.writeHead(reply.status, headers).end(payload);
}

async function handle(incoming: IncomingMessage, response: ServerResponse, state: SandboxState): Promise<void> {
  let reply: Reply;
  try {
    reply = await dispatch(incoming, state);
  } catch (error) {
    // Anything unexpected becomes a bare 500: never a stack trace on the wire.
    reply =
      error instanceof HttpFailure ? { status: error.status, body: { errors: error.codes } } : { status: 500, body: { errors: ['server.internal_error'] } };
  }
  try {
    send(response, reply, state.now());
  } catch {
    response.destroy();
  }
}

export function createSandboxServer(state: SandboxState, ranger: Ranger): Server {
  const server = createServer((incoming, response) => {
    void handle(incoming, response, state);
  });
  server.on('upgrade', ranger.handleUpgrade);
  // A client that sends a broken request line gets a plain 400 instead of a dropped socket.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}
