import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AuthHeaders } from '../../../app/barong/auth-headers';
import type { HttpMethod } from '../../../app/commands/request';
import { silentLogger } from '../../logging/logger';
import type { Logger } from '../../logging/logger';
import { forwardRequest } from './proxy-forward-request';
import { forwardUpgrade } from './proxy-forward-upgrade';
import type { ProxyTarget } from './proxy-checks';
import { checkRequest, upgradeRefusal } from './proxy-checks';
import { headerValues } from './proxy-headers';
import type { ProxyRefusal } from './proxy-refusal';
import { answerRefusal, answerRefusalOnSocket, proxyRefusal } from './proxy-refusal';
import { createProxyToken } from './proxy-token';
import { openUpstream } from './proxy-upstream';

/**
 * Signs one request for the proxy, or refuses it (policy, budget, the owner's no, a locked vault)
 * with a status and words. The path is the API path as the client wrote it after the token,
 * without the base URL's own prefix: the one key policies are written for.
 */
export interface ProxySigner {
  sign(request: {
    method: HttpMethod;
    path: string;
  }): Promise<{ ok: true; headers: AuthHeaders } | { ok: false; status: number; code: string; message: string }>;
}

/** A request the proxy answered itself; `path` is the exchange's, or '' when the token was wrong. */
export interface ProxyRefusalEvent {
  code: string;
  message: string;
  method: string;
  path: string;
}

export interface SigningProxyOptions {
  /** The key's account base URL: scheme://host[:port][/prefix]. */
  upstream: string;
  signer: ProxySigner;
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Hears every refusal the proxy answers, its own checks' and the signer's, for the caller's audit. */
  onRefusal?: (refusal: ProxyRefusalEvent) => void;
  logger?: Logger;
  /** An exchange silent this long is given up with 502 (default 30 s). */
  upstreamTimeoutMs?: number;
}

export interface SigningProxy {
  /** http://127.0.0.1:PORT/t/TOKEN: the base URL to give a program in place of the exchange's. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
const LOOPBACK = '127.0.0.1';

// Anything else would turn a signer's answer into an HTTP status node cannot write, or a success.
const refusalStatus = (status: number): number => (Number.isInteger(status) && status >= 400 && status <= 599 ? status : 403);

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * A local HTTP proxy in front of one exchange that adds a fresh signature to each request it lets
 * through, so that a program with no signing code of its own (curl, a script, a trading bot) can
 * call the exchange with the vault's key without ever holding its secret. This is a security
 * boundary: every local program and the local browser can reach it, so it listens on loopback,
 * answers only under its random path token and its own Host, refuses anything a browser sent, and
 * drops any X-Auth header a caller brings.
 */
export async function startSigningProxy(options: SigningProxyOptions): Promise<SigningProxy> {
  const logger = options.logger ?? silentLogger;
  const upstream = openUpstream(options.upstream, options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS);
  const token = createProxyToken();
  const server = createServer();
  const streams = new Set<Duplex>();
  const port = await listen(server, options.port ?? 0);
  const identity = { host: `${LOOPBACK}:${port}`, token };

  const refused = (refusal: ProxyRefusal, method: string, path: string): void => {
    logger.warn('proxy.refused', { code: refusal.code, method, path });
    try {
      options.onRefusal?.({ code: refusal.code, message: refusal.message, method, path });
    } catch {
      // The caller's audit failing must not take the proxy down; the log line above still tells.
      logger.warn('proxy.refusal_not_heard', { code: refusal.code });
    }
  };
  const upstreamFailed = (method: string, path: string) => (refusal: ProxyRefusal) => {
    logger.warn('proxy.upstream_failed', { method, path, message: refusal.message });
  };

  /** The gate, then the signer: the headers to send, or the refusal already answered through `refuse`. */
  async function admit(
    incoming: IncomingMessage,
    refuse: (refusal: ProxyRefusal) => void,
    extraCheck: (target: ProxyTarget) => ProxyRefusal | undefined = () => undefined,
  ): Promise<{ target: ProxyTarget; path: string; auth: AuthHeaders } | undefined> {
    const method = incoming.method ?? '';
    const checked = checkRequest(incoming, identity);
    if (!checked.passed) {
      refused(checked.refusal, method, checked.path === '' ? '' : upstream.prefix + checked.path);
      refuse(checked.refusal);
      return undefined;
    }
    const { target } = checked;
    const path = upstream.prefix + target.path;
    const problem = extraCheck(target);
    if (problem) {
      refused(problem, method, path);
      refuse(problem);
      return undefined;
    }
    let answer: Awaited<ReturnType<ProxySigner['sign']>>;
    try {
      answer = await options.signer.sign({ method: target.method, path: target.path });
    } catch {
      logger.warn('proxy.signer_failed', { method, path });
      answer = { ok: false, ...proxyRefusal(500, 'internal') };
    }
    if (!answer.ok) {
      const refusal = { status: refusalStatus(answer.status), code: answer.code, message: answer.message };
      refused(refusal, method, path);
      refuse(refusal);
      return undefined;
    }
    return { target, path, auth: answer.headers };
  }

  async function serveRequest(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const admitted = await admit(incoming, (refusal) => answerRefusal(response, refusal));
    // The caller may have left while the signer was deciding; a signed request then goes nowhere.
    if (!admitted || incoming.socket.destroyed) return;
    const { target, path, auth } = admitted;
    forwardRequest(incoming, response, { path: path + target.query, auth }, upstream, upstreamFailed(target.method, path));
  }

  async function serveUpgrade(incoming: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const upgrade = headerValues(incoming.rawHeaders, 'upgrade')[0];
    const admitted = await admit(
      incoming,
      (refusal) => answerRefusalOnSocket(socket, refusal),
      (target) => upgradeRefusal(target, upgrade),
    );
    if (!admitted || upgrade === undefined || socket.destroyed) return;
    const { target, path, auth } = admitted;
    forwardUpgrade(incoming, socket, head, { path: path + target.query, auth, upgrade }, upstream, {
      onFailure: upstreamFailed(target.method, path),
      opened: (exchange) => {
        streams.add(exchange);
        exchange.on('close', () => streams.delete(exchange));
      },
    });
  }

  server.on('request', (incoming: IncomingMessage, response: ServerResponse) => {
    serveRequest(incoming, response).catch(() => response.destroy());
  });
  server.on('upgrade', (incoming: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands an upgrade's socket over untracked and with no error listener of its own.
    streams.add(socket);
    socket.on('close', () => streams.delete(socket)).on('error', () => socket.destroy());
    serveUpgrade(incoming, socket, head).catch(() => socket.destroy());
  });
  logger.info('proxy.started', { port, exchange: upstream.host });

  return {
    url: `http://${identity.host}/t/${token}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        // Open requests and streams would otherwise hold close() open until they end.
        server.closeAllConnections();
        for (const socket of streams) socket.destroy();
        upstream.close();
        logger.info('proxy.stopped', { port });
      }),
  };
}
