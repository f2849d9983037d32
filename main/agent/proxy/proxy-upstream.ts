import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AppError } from '../../../app/app-error';
import { exchangeUrlProblem } from '../../../app/domain/base-url';
import { networkError } from '../../barong/http/network-error';
import type { ProxyRefusal } from './proxy-refusal';
import { proxyRefusal } from './proxy-refusal';

/** The exchange behind the proxy: the key's account base URL, and a pool of connections to it. */
export interface Upstream {
  /** host[:port], the Host header the exchange expects. */
  host: string;
  /** The base URL's path without its trailing slash: '' or '/prefix', put in front of every path. */
  prefix: string;
  /** Gives up on an exchange that sends nothing for this long, answering or not. */
  timeoutMs: number;
  request(options: { method: string; path: string; headers: string[] }): ClientRequest;
  /** Closes the pooled connections. */
  close(): void;
}

class UpstreamTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

/** The same rule as an account's base URL: https, or plain http on this computer only. */
export function openUpstream(baseUrl: string, timeoutMs: number): Upstream {
  const problem = exchangeUrlProblem(baseUrl);
  if (problem) throw new AppError('input.base_url_invalid', `The proxy's exchange address ${problem}.`);
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  // Certificates are checked as everywhere else in the app: a proxy that signs must not talk to an impostor.
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  // A URL writes an IPv6 address in brackets; a socket takes it bare.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host: url.host,
    prefix: url.pathname.replace(/\/+$/, ''),
    timeoutMs,
    request: ({ method, path, headers }) => {
      const outgoing = send({ protocol: url.protocol, hostname, port: url.port, method, path, headers, agent });
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new UpstreamTimeout(`${url.host} did not answer within ${timeoutMs / 1000} s.`)));
      return outgoing;
    },
    close: () => agent.destroy(),
  };
}

/** 502 in words: the network's reason, never a stack trace. */
export function upstreamFailure(error: Error & { code?: string }, upstream: Upstream): ProxyRefusal {
  const reason = error instanceof UpstreamTimeout ? error.message : networkError(error, upstream.host).message;
  return proxyRefusal(502, 'proxy.upstream_failed', `The proxy could not reach the exchange: ${reason}`);
}
