import type { Logger } from '../../logging/logger';
import { silentLogger } from '../../logging/logger';
import type { Account } from '../../vault/records';
import { unlockedTempVault } from '../../vault/tests/vault-fixture';
import type { Vault } from '../../vault/vault';
import { ExchangeClocks } from '../clock/exchange-clocks';
import type { ExchangeHttpSettings } from '../exchange-http-settings';
import type { RunnerContext } from '../runner/run-signed-request';

export const TEST_USER_AGENT = 'BarongVaultTests/1 (runner)';

export interface RunnerSetup {
  vault: Vault;
  account: Account;
  context: RunnerContext;
  /** The vault ids of the imported keys, in the order given. */
  keyIds: string[];
}

/**
 * An unlocked temp vault (closed when the test ends) with one account at `baseUrl` holding the
 * given keys, and a runner context around it with fresh clocks.
 */
export async function runnerSetup(
  baseUrl: string,
  keys: ReadonlyArray<{ kid: string; secret: string }>,
  options: { nonceLifetimeMs?: number; logger?: Logger; http?: Partial<ExchangeHttpSettings> } = {},
): Promise<RunnerSetup> {
  const { vault } = await unlockedTempVault();
  const account = vault.createAccount({ name: 'Sandbox', baseUrl, nonceLifetimeMs: options.nonceLifetimeMs ?? 5000 });
  const keyIds = keys.map(({ kid, secret }) => vault.importKey({ accountId: account.id, kid, secret }).key.id);
  const http: ExchangeHttpSettings = { userAgent: TEST_USER_AGENT, logger: options.logger ?? silentLogger, ...options.http };
  return { vault, account, keyIds, context: { vault, clocks: new ExchangeClocks({ http }), http } };
}

/** The ExchangeError (or other error) a promise rejects with; resolving fails the test. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string; status?: number; action?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
}
