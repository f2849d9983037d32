import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { silentLogger } from '../../logging/logger';
import { Vault } from '../../vault/vault';
import { PASSPHRASE, TEST_SCRYPT_COST } from '../../vault/tests/vault-fixture';
import { BarongSessions } from '../session/barong-sessions';
import { APP_VERSION, exchangeFixture, frozenClock, TRADER } from '../tests/barong-exchange';
import { AccountKeys } from './account-keys';
import { ExchangeKeys } from './exchange-keys';

const CREATOR = fileURLToPath(new URL('../tests/crash-creator.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the creator and SIGKILLs it as soon as it says the exchange answered; resolves with the kid it printed. */
function createUntilKilled(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CREATOR, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let kid: string | undefined;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const marker = /^answered ([0-9a-f]+)$/m.exec(stdout);
      if (marker && kid === undefined) {
        kid = marker[1];
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && kid !== undefined) resolve(kid);
      else reject(new Error(`The creator ended on its own (code ${code}): ${stderr}`));
    });
  });
}

describe("a key creation killed between the exchange's answer and the vault write", () => {
  it('is reported as pending after a restart, and its key shows on the exchange as secret unknown', { timeout: 60_000 }, async () => {
    const clock = frozenClock();
    const { vault, vaultPath, account, user } = await exchangeFixture({ clock });
    vault.setTotpSeed(account.id, user(TRADER).totpSecret);
    vault.close();

    const kid = await createUntilKilled([vaultPath, PASSPHRASE, account.id, TRADER, user(TRADER).password, String(clock.now())]);

    const restarted = Vault.open({ path: vaultPath, scryptCost: TEST_SCRYPT_COST });
    onTestFinished(() => restarted.close());
    await restarted.access.unlock(PASSPHRASE);
    expect(restarted.listKeys(account.id)).toEqual([]);
    const [pending, ...more] = restarted.pendingKeyCreations();
    expect(more).toEqual([]);
    expect(pending).toMatchObject({ accountId: account.id, label: 'interrupted', scopes: ['trade'] });

    // The child spent the codes of this period and the next: the trader logs in again later.
    clock.advance(60_000);
    const sessions = new BarongSessions({ vault: restarted, appVersion: APP_VERSION, logger: silentLogger, clock });
    const session = sessions.session(account.id);
    await session.login(user(TRADER));
    const report = await new AccountKeys(restarted, session, new ExchangeKeys(session)).reconcile();

    expect(report.secretUnknown.map((key) => ({ kid: key.kid, scopes: key.scopes }))).toEqual([{ kid, scopes: ['trade'] }]);
    expect(report.pendingCreations).toEqual([pending]);
    restarted.dismissKeyCreation(pending?.id ?? '');
    expect(restarted.pendingKeyCreations()).toEqual([]);
  });
});
