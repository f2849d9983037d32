import { spawn } from 'node:child_process';
import { createHmac, randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { open } from '../crypto/envelope';
import { secretAd } from '../sealed-rows';
import type { Vault } from '../vault';
import { FakeKeychain, keychainPlaintextKey } from './fake-keychain';
import { withRawDatabase } from './raw-database';
import { accountInput, newKid, newSecret, PASSPHRASE, signForItsAccount, vaultRejection, VaultFixture } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const NEW_PASSPHRASE = 'a brand new passphrase';
const NONCE = '1700000000000';
const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const signature = (kid: string, secret: string) =>
  createHmac('sha256', secret)
    .update(NONCE + kid)
    .digest('hex');

async function vaultWithKeys(path: string, count: number, keychain?: FakeKeychain) {
  const vault = fixture.open({ path, ...(keychain ? { keychain } : {}) });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: keychain !== undefined });
  const account = vault.createAccount(accountInput('Alpha'));
  const keys = Array.from({ length: count }, () => {
    const input = { accountId: account.id, kid: newKid(), secret: newSecret() };
    return { id: vault.importKey(input).key.id, ...input };
  });
  return { vault, account, keys };
}

const passphraseWrap = (path: string) =>
  withRawDatabase(path, (db) => db.prepare("SELECT wrapped FROM key_wraps WHERE kind = 'passphrase'").pluck().get() as Buffer);
const filesOf = (path: string) => [path, `${path}-wal`].filter((file) => existsSync(file));

describe('changing the passphrase', () => {
  it('leaves the old wrap in neither the database nor its WAL, and the old vault key opens nothing', async () => {
    const path = fixture.newPath();
    const keychain = new FakeKeychain();
    const { vault, keys } = await vaultWithKeys(path, 3, keychain);
    const oldWrap = passphraseWrap(path);
    const oldKey = keychainPlaintextKey(keychain.plaintexts[0] ?? '');
    expect(filesOf(path).some((file) => readFileSync(file).includes(oldWrap))).toBe(true);

    await vault.access.setPassphrase(PASSPHRASE, NEW_PASSPHRASE);

    for (const file of filesOf(path)) expect({ file, holdsOldWrap: readFileSync(file).includes(oldWrap) }).toEqual({ file, holdsOldWrap: false });
    const newKey = keychainPlaintextKey(keychain.plaintexts.at(-1) ?? '');
    expect(newKey.equals(oldKey)).toBe(false);
    const rows = withRawDatabase(
      path,
      (db) =>
        db.prepare('SELECT id, account_id AS accountId, kid, secret FROM api_keys').all() as Array<{
          id: string;
          accountId: string;
          kid: string;
          secret: Buffer;
        }>,
    );
    const ad = (row: (typeof rows)[number]) => secretAd(row, 'https://alpha.example');
    for (const row of rows) {
      expect(() => open(oldKey, row.secret, ad(row))).toThrow(expect.objectContaining({ code: 'vault.tampered' }));
      expect(open(newKey, row.secret, ad(row)).toString('utf8')).toBe(keys.find((key) => key.id === row.id)?.secret);
    }
    // The keychain wrap moved to the new key too, and the running vault signs with it.
    for (const key of keys) expect(signForItsAccount(vault, key.id, NONCE)['X-Auth-Signature']).toBe(signature(key.kid, key.secret));
    vault.close();
    const byKeychain = fixture.open({ path, keychain });
    await byKeychain.access.unlock();
    expect(byKeychain.revealSecret(keys[0]?.id ?? '')).toBe(keys[0]?.secret);
  });

  it('changes nothing when the current passphrase is wrong', async () => {
    const path = fixture.newPath();
    const { vault } = await vaultWithKeys(path, 1);
    const before = withRawDatabase(path, (db) => ({ keys: db.prepare('SELECT * FROM api_keys').all(), wraps: db.prepare('SELECT * FROM key_wraps').all() }));
    expect((await vaultRejection(vault.access.setPassphrase('not the passphrase', NEW_PASSPHRASE))).code).toBe('vault.wrong_passphrase');
    expect(withRawDatabase(path, (db) => ({ keys: db.prepare('SELECT * FROM api_keys').all(), wraps: db.prepare('SELECT * FROM key_wraps').all() }))).toEqual(
      before,
    );
  });
});

/** Runs the writer in its passphrase mode and SIGKILLs it after `changes` acknowledged changes and 0-24 ms more; returns the passphrase last acknowledged. */
function rotateUntilKilled(path: string, from: string, to: string, changes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, from, to], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let acknowledged = from;
    let count = 0;
    let pending = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('ack ')) return reject(new Error(`Unexpected writer output: ${line}`));
        acknowledged = line.slice(4);
        count += 1;
        if (count === changes) setTimeout(() => child.kill('SIGKILL'), randomInt(25));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`The writer ended on its own (code ${code}): ${stderr}`)),
    );
  });
}

async function unlocksWith(path: string, passphrase: string): Promise<Vault | undefined> {
  // Trying both passphrases is not guessing: the wrong one must not throttle the right one.
  withRawDatabase(path, (db) => db.prepare('DELETE FROM unlock_failures').run());
  const vault = fixture.open({ path });
  try {
    await vault.access.unlock(passphrase);
    return vault;
  } catch {
    vault.close();
    return undefined;
  }
}

describe('a change of passphrase killed half way', () => {
  it('leaves the vault whole under exactly one of the two passphrases, every key signing', { timeout: 180_000 }, async () => {
    const path = fixture.newPath();
    const { vault, keys } = await vaultWithKeys(path, 200);
    vault.close();
    let current = PASSPHRASE;
    for (let run = 1; run <= 4; run += 1) {
      const other = current === PASSPHRASE ? NEW_PASSPHRASE : PASSPHRASE;
      const acknowledged = await rotateUntilKilled(path, current, other, randomInt(1, 3));
      expect(withRawDatabase(path, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
      const opened = [await unlocksWith(path, PASSPHRASE), await unlocksWith(path, NEW_PASSPHRASE)];
      expect({ run, unlocking: opened.filter((candidate) => candidate !== undefined).length }).toEqual({ run, unlocking: 1 });
      const reopened = opened.find((candidate) => candidate !== undefined) as Vault;
      current = opened[0] ? PASSPHRASE : NEW_PASSPHRASE;
      // Killed after the ack: the state acknowledged; killed during the next change: it, or the one after.
      expect([acknowledged, acknowledged === PASSPHRASE ? NEW_PASSPHRASE : PASSPHRASE]).toContain(current);
      for (const key of keys) expect(signForItsAccount(reopened, key.id, NONCE)['X-Auth-Signature']).toBe(signature(key.kid, key.secret));
      reopened.close();
    }
  });
});
