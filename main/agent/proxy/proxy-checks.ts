import type { IncomingMessage } from 'node:http';
import { rangerPaths } from '../../../app/barong/paths';
import { HTTP_METHODS } from '../../../app/commands/request';
import type { HttpMethod } from '../../../app/commands/request';
import { headerValues } from './proxy-headers';
import type { ProxyRefusal } from './proxy-refusal';
import { proxyRefusal } from './proxy-refusal';
import { tokenMatches } from './proxy-token';

/** The proxy's own address (`127.0.0.1:PORT`) and its path token. */
export interface ProxyIdentity {
  host: string;
  token: string;
}

/** What a request asks of the exchange once it has passed: its path after the token, and its query as sent ('' or '?...'). */
export interface ProxyTarget {
  method: HttpMethod;
  path: string;
  query: string;
}

/** `path` on a refusal is the one after the token when the token was right; '' otherwise, since it may then carry a mistyped token. */
export type CheckedRequest = { passed: true; target: ProxyTarget } | { passed: false; refusal: ProxyRefusal; path: string };

const TOKEN_PATH = /^\/t\/([^/]*)(\/.*)?$/;

/** The target kept as it came, still percent-encoded: what is signed for is exactly what is sent. */
function splitTarget(url: string): { token: string | undefined; path: string; query: string } {
  const mark = url.indexOf('?');
  const rawPath = mark < 0 ? url : url.slice(0, mark);
  const query = mark < 0 ? '' : url.slice(mark);
  const match = TOKEN_PATH.exec(rawPath);
  return { token: match?.[1], path: match?.[2] ?? '/', query };
}

const isHttpMethod = (method: string): method is HttpMethod => (HTTP_METHODS as readonly string[]).includes(method);

/**
 * The gate every request and upgrade passes before the signer is asked. The Host must be the
 * proxy's own address, so that a page whose name was rebound to 127.0.0.1 (DNS rebinding) is
 * refused; any Origin means a browser sent it, which no program using the proxy does.
 */
export function checkRequest(incoming: Pick<IncomingMessage, 'method' | 'url' | 'rawHeaders'>, identity: ProxyIdentity): CheckedRequest {
  const { token, path, query } = splitTarget(incoming.url ?? '');
  const tokenRight = token !== undefined && tokenMatches(token, identity.token);
  const refuse = (refusal: ProxyRefusal): CheckedRequest => ({ passed: false, refusal, path: tokenRight ? path : '' });
  const hosts = headerValues(incoming.rawHeaders, 'host');
  if (hosts.length !== 1 || hosts[0] !== identity.host) {
    return refuse(proxyRefusal(421, 'proxy.host_refused', `The Host header must be the proxy's own address, ${identity.host}: the request was refused.`));
  }
  if (headerValues(incoming.rawHeaders, 'origin').length > 0) return refuse(proxyRefusal(403, 'proxy.origin_refused'));
  if (!tokenRight) return refuse(proxyRefusal(403, 'proxy.token_refused'));
  const method = incoming.method ?? '';
  if (!isHttpMethod(method)) return refuse(proxyRefusal(405, 'proxy.method_refused'));
  return { passed: true, target: { method, path, query } };
}

/** The one stream the proxy opens: a WebSocket GET of the private ranger path. */
export function upgradeRefusal(target: ProxyTarget, upgrade: string | undefined): ProxyRefusal | undefined {
  const wanted = target.method === 'GET' && target.path === rangerPaths.private && upgrade?.toLowerCase() === 'websocket';
  return wanted ? undefined : proxyRefusal(403, 'proxy.upgrade_refused');
}
