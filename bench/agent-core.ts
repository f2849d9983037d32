import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName } from '../app/contract/channels';
import type { RequestOf, ResponseOf } from '../app/contract/api';
import { policyForLevel } from '../app/domain/agent-policy';
import { createAppCore } from '../main/core/create-app-core';
import type { AppCore } from '../main/core/create-app-core';
import { silentLogger } from '../main/logging/logger';
import { startSandbox } from '../sandbox/start-sandbox';
import type { RunningSandbox } from '../sandbox/start-sandbox';

// The tests' scrypt cost (main/vault/tests/vault-fixture.ts, which needs vitest to load): the set-up is not what is timed.
const BENCH_SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 };
const PASSPHRASE = 'a passphrase for the agent bench';
/** High enough never to bind during the bench (the most a policy takes). */
const UNBINDING_BUDGET = { requests: 1_000_000, windowSeconds: 300 };

export const BENCH_KEY_LABEL = 'bench-bot';

export interface BenchAgentCore {
  /** A folder of the bench's own, removed by close(): the data dir, the agent's socket and token. */
  dir: string;
  core: AppCore;
  /** The seeded sandbox on loopback, whose read key the vault holds. */
  sandbox: RunningSandbox;
  kid: string;
  secret: string;
  close(): Promise<void>;
}

/**
 * A real core on a temp data folder: a passphrase vault, one account on the sandbox, the sandbox's
 * read key imported as BENCH_KEY_LABEL with the read policy and a budget that does not bind, all
 * set through the page's channels as the app does (the policy with the owner's passphrase).
 */
export async function openBenchAgentCore(): Promise<BenchAgentCore> {
  const dir = mkdtempSync(join(tmpdir(), 'barong-agent-bench-'));
  const sandbox = await startSandbox({ port: 0, seed: true }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  let core: AppCore;
  try {
    core = createAppCore({ dataDir: join(dir, 'data'), appVersion: '0.1.0-bench', logger: silentLogger, scryptCost: BENCH_SCRYPT_COST, autoLock: false });
  } catch (error) {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    core.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const page = core.door('page');
    const value = async <C extends ChannelName>(channel: C, input: RequestOf<C>): Promise<ResponseOf<C>> => {
      const result = await page[channel](input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as ResponseOf<C>;
    };
    const read = sandbox.apiKeys[1];
    if (!read) throw new Error('The seeded sandbox has no read key.');
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const account = await value('accounts.create', { name: 'Sandbox', baseUrl: sandbox.url });
    const { key } = await value('keys.import', { accountId: account.id, kid: read.kid, secret: read.secret, label: BENCH_KEY_LABEL });
    await value('keys.setPolicy', { keyId: key.id, policy: policyForLevel('read', UNBINDING_BUDGET), ownerPassphrase: PASSPHRASE });
    return { dir, core, sandbox, kid: read.kid, secret: read.secret, close };
  } catch (error) {
    await close();
    throw error;
  }
}
