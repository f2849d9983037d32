import type { IncomingHttpHeaders } from 'node:http';
import type { NonceClock } from '../../../app/barong/nonce-clock';
import { originOf } from '../../../app/barong/origin';
import { checkRequestSpec } from '../../../app/commands/request';
import type { HttpMethod, JsonValue } from '../../../app/commands/request';
import type { Vault } from '../../vault/vault';
import type { ExchangeClocks } from '../clock/exchange-clocks';
import { ExchangeError } from '../exchange-error';
import type { ExchangeHttp } from '../exchange-http';
import { exchangeHttpFor } from '../exchange-http-settings';
import type { ExchangeHttpSettings } from '../exchange-http-settings';

/** What the runner needs of the vault: the key's account, a signature, the audit log. */
export type SigningVault = Pick<Vault, 'key' | 'account' | 'sign' | 'recordUse'>;

export interface RunnerContext {
  vault: SigningVault;
  clocks: ExchangeClocks;
  http: ExchangeHttpSettings;
}

export interface SignedRequest {
  /** The vault's id of the key (not the kid). */
  keyId: string;
  method: HttpMethod;
  /** Under the account's base URL, without a query: that goes in `query`, and is never logged. */
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  body?: JsonValue;
  signal?: AbortSignal;
  /** For each HTTP request: a re-sync and retry make more than one. */
  timeouts?: { connectTimeoutMs?: number; timeoutMs?: number };
}

export interface SignedAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The answered request's time, connection included. */
  totalMs: number;
  /** Parsed JSON when the answer is JSON, the text otherwise, undefined when empty. */
  body: unknown;
}

const NONCE_EXPIRED = 'authz.nonce_expired';

/**
 * Sends one request signed with a key of the vault and returns the exchange's answer; a refusal
 * is thrown as an ExchangeError in the catalogue's words. On authz.nonce_expired the account's
 * clock is measured again and the request signed and sent once more. Every request that reached
 * the network is audited: method, path, status and outcome, never the query, headers or body.
 */
export async function runSignedRequest(context: RunnerContext, request: SignedRequest): Promise<SignedAnswer> {
  const key = context.vault.key(request.keyId);
  const account = context.vault.account(key.accountId);
  checkRequestSpec({
    baseUrl: account.baseUrl,
    method: request.method,
    path: request.path,
    query: request.query ?? [],
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const http = exchangeHttpFor({ ...context.http, ...request.timeouts }, account);
  const clock = context.clocks.clock(account);
  try {
    return await attempt(context, http, clock, request, originOf(account.baseUrl));
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.code !== NONCE_EXPIRED) throw error;
    context.http.logger.warn('exchange.nonce_expired_resync', { method: request.method, path: request.path, offsetMs: clock.offset });
    await context.clocks.sync(account, request.signal);
    return await attempt(context, http, clock, request, originOf(account.baseUrl));
  }
}

/** `origin`: where `http` sends, the only origin the vault will sign for. */
async function attempt(context: RunnerContext, http: ExchangeHttp, clock: NonceClock, request: SignedRequest, origin: string): Promise<SignedAnswer> {
  const { vault } = context;
  const audit = (status: number | undefined, outcome: string) =>
    vault.recordUse(request.keyId, { action: 'send', method: request.method, path: request.path, ...(status === undefined ? {} : { status }), outcome });
  try {
    const answer = await http.request({
      method: request.method,
      path: request.path,
      ...(request.query ? { query: request.query } : {}),
      ...(request.body === undefined ? {} : { json: request.body }),
      ...(request.signal ? { signal: request.signal } : {}),
      // Signed as the request goes out, so the nonce's window is spent on the wire, not before.
      headers: { ...vault.sign(request.keyId, clock.nonce(), origin) },
    });
    audit(answer.status, 'ok');
    return { status: answer.status, headers: answer.headers, totalMs: answer.totalMs, body: answer.body };
  } catch (error) {
    if (error instanceof ExchangeError) audit(error.status, error.code);
    throw error;
  }
}
