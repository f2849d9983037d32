import { createGuardrails, generateSync } from 'otplib';
import { onTestFinished, vi } from 'vitest';
import { ExchangeError } from '../exchange-error';
import { sendHttp } from '../http/send-http';
import type { HttpRequest, HttpResponse } from '../http/send-http';
import { AccountKeys } from '../keys/account-keys';
import { ExchangeKeys } from '../keys/exchange-keys';
import { BarongSessions } from '../session/barong-sessions';
import type { CodeClock } from '../session/one-time-codes';
import { silentLogger } from '../../logging/logger';
import type { Logger } from '../../logging/logger';
import { unlockedTempVault } from '../../vault/tests/vault-fixture';
import { startSandbox } from '../../../sandbox/start-sandbox';
import type { SandboxOptions, SandboxUser } from '../../../sandbox/start-sandbox';

export type { SecretShape } from '../../../sandbox/start-sandbox';
export { SandboxClient } from '../../../sandbox/test-client';

export const APP_VERSION = '0.1.0-test';
const PERIOD_MS = 30_000;
/** Ten seconds into a 30 s period: a wait for the next one reports 20, 19, ... 1. */
export const FROZEN_START = Date.UTC(2030, 0, 1, 0, 0, 10);

/**
 * Freezes Date for this test, the in-process sandbox's clock included, and moves it only when the
 * client waits for the next 2FA period: codes for many periods are spent without sleeping, and
 * the sandbox accepts them because it sees the same time.
 */
export function frozenClock(startMs = FROZEN_START): CodeClock & { advance(ms: number): void } {
  vi.useFakeTimers({ toFake: ['Date'], now: startMs });
  onTestFinished(() => {
    vi.useRealTimers();
  });
  const advance = (ms: number) => {
    vi.setSystemTime(Date.now() + ms);
  };
  return {
    now: () => Date.now(),
    sleep: async (ms) => advance(ms),
    advance,
  };
}

export const periodOf = (ms: number): number => Math.floor(ms / PERIOD_MS);

/** One request as it went out and the answer as it came back: what the tests look into. */
export interface Exchanged {
  request: HttpRequest;
  response: HttpResponse | undefined;
}

export interface FixtureOptions {
  sandbox?: SandboxOptions;
  clock?: CodeClock;
  logger?: Logger;
}

/**
 * For the session and key suites in main/barong:
 * a sandbox on a free loopback port, an unlocked temp vault with one account on it, and the
 * sessions of that vault, recording every request. `rewrite` may alter the next requests.
 */
export async function exchangeFixture(options: FixtureOptions = {}) {
  const sandbox = await startSandbox({ port: 0, ...options.sandbox });
  onTestFinished(() => sandbox.close());
  const { vault, path } = await unlockedTempVault();
  const account = vault.createAccount({ name: 'Sandbox', baseUrl: sandbox.url });
  const exchanged: Exchanged[] = [];
  const control = {
    rewrite: (request: HttpRequest): HttpRequest => request,
    /** Lets the exchange handle the request, then fails as a connection lost before the answer. */
    loseAnswer: (() => false) as (request: HttpRequest) => boolean,
  };
  const send = async (request: HttpRequest): Promise<HttpResponse> => {
    const sent = control.rewrite(request);
    const entry: Exchanged = { request: sent, response: undefined };
    exchanged.push(entry);
    entry.response = await sendHttp(sent);
    if (control.loseAnswer(sent)) throw new ExchangeError('network.reset', 'The connection was lost before the answer.');
    return entry.response;
  };
  const sessions = new BarongSessions({
    vault,
    appVersion: APP_VERSION,
    logger: options.logger ?? silentLogger,
    send,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const session = sessions.session(account.id);
  const user = (email: string): SandboxUser & { totpSecret: string } => {
    const found = sandbox.users.find((candidate) => candidate.email === email);
    if (!found) throw new Error(`no user ${email}`);
    return { ...found, totpSecret: found.totpSecret ?? '' };
  };
  return {
    sandbox,
    vault,
    vaultPath: path,
    account,
    sessions,
    session,
    exchanged,
    control,
    user,
    keys: (pageSize?: number) => new AccountKeys(vault, session, new ExchangeKeys(session, pageSize)),
  };
}

export const TRADER = 'trader@sandbox.test';
export const NO_2FA = 'no2fa@sandbox.test';

/** The parameters a request carried, from its JSON body and its query. */
export function paramsOf(request: HttpRequest): Record<string, unknown> {
  const url = new URL(request.url);
  return { ...Object.fromEntries(url.searchParams), ...(request.body === undefined ? {} : (JSON.parse(request.body) as Record<string, unknown>)) };
}

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
/** The 2FA code of a seed at a given time (ms), as the sandbox computes it. */
export const codeAt = (seed: string, ms: number): string => generateSync({ secret: seed, epoch: Math.floor(ms / 1000), guardrails });

/** The ExchangeError a promise rejects with; anything else, or a resolution, fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<ExchangeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExchangeError) return error;
    throw error;
  }
  throw new Error('Expected an ExchangeError, but the promise resolved.');
}
