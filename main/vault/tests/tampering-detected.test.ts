import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../vault';
import { ManualClock } from './manual-clock';
import { dumpTables, flipBit, withRawDatabase } from './raw-database';
import { accountInput, newKid, newSecret, newTotpSeed, PASSPHRASE, vaultErrorFrom, vaultRejection, VaultFixture, signForItsAccount } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const NONCE = '1700000000000';
// Longer than any throttle delay: tests that fail the passphrase on purpose step over it.
const PAST_ANY_THROTTLE_MS = 10 * 60 * 1000;

interface StoredKey {
  id: string;
  kid: string;
  secret: string;
}

/** Two accounts with 2FA seeds; A holds keys a1 and a2, B holds b1. */
async function populatedVault() {
  const path = fixture.newPath();
  const clock = new ManualClock();
  const vault = fixture.open({ path, now: clock.now });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
  const store = (accountId: string): StoredKey => {
    const input = { accountId, kid: newKid(), secret: newSecret() };
    return { id: vault.importKey(input).key.id, kid: input.kid, secret: input.secret };
  };
  const accountA = vault.createAccount(accountInput('Alpha'));
  const accountB = vault.createAccount(accountInput('Beta'));
  const seeds = { a: newTotpSeed(), b: newTotpSeed() };
  vault.setTotpSeed(accountA.id, seeds.a);
  vault.setTotpSeed(accountB.id, seeds.b);
  return { path, clock, vault, accountA, accountB, seeds, a1: store(accountA.id), a2: store(accountA.id), b1: store(accountB.id) };
}

const readSecret = (path: string, id: string) =>
  withRawDatabase(path, (db) => db.prepare('SELECT secret FROM api_keys WHERE id = ?').pluck().get(id) as Buffer);
const writeSecret = (path: string, id: string, secret: Buffer) =>
  withRawDatabase(path, (db) => db.prepare('UPDATE api_keys SET secret = ? WHERE id = ?').run(secret, id));
const readSeed = (path: string, accountId: string) =>
  withRawDatabase(path, (db) => db.prepare('SELECT totp_seed FROM accounts WHERE id = ?').pluck().get(accountId) as Buffer);
const writeSeed = (path: string, accountId: string, sealed: Buffer) =>
  withRawDatabase(path, (db) => db.prepare('UPDATE accounts SET totp_seed = ? WHERE id = ?').run(sealed, accountId));
const hmac = (key: StoredKey) =>
  createHmac('sha256', key.secret)
    .update(NONCE + key.kid)
    .digest('hex');

/** Both ways to use a secret refuse it as tampered, and neither message quotes it. */
function expectTampered(vault: Vault, key: StoredKey): void {
  for (const use of [() => signForItsAccount(vault, key.id, NONCE), () => vault.revealSecret(key.id)]) {
    const error = vaultErrorFrom(use);
    expect(error.code).toBe('vault.tampered');
    expect(error.message).not.toContain(key.secret);
  }
}

describe('tampering with a vault file', () => {
  it('is detected for a flipped bit anywhere in a stored secret, and no reveal is audited', async () => {
    const { path, vault, a1 } = await populatedVault();
    const sealed = readSecret(path, a1.id);
    const revealsBefore = vault.auditLog().filter((entry) => entry.action === 'reveal-secret').length;
    for (let index = 0; index < sealed.length; index += 1) {
      writeSecret(path, a1.id, flipBit(sealed, index, index % 8));
      expectTampered(vault, a1);
    }
    for (const cut of [Buffer.alloc(0), sealed.subarray(0, 29), sealed.subarray(0, sealed.length - 1)]) {
      writeSecret(path, a1.id, cut);
      expectTampered(vault, a1);
    }
    expect(vault.auditLog().filter((entry) => entry.action === 'reveal-secret')).toHaveLength(revealsBefore);

    writeSecret(path, a1.id, sealed);
    expect(signForItsAccount(vault, a1.id, NONCE)['X-Auth-Signature']).toBe(hmac(a1));
  });

  it('is detected for a secret copied onto another key of the same account or of another account', async () => {
    const { path, vault, a1, a2, b1 } = await populatedVault();
    const sealed = readSecret(path, a1.id);
    writeSecret(path, a2.id, sealed);
    expectTampered(vault, a2);
    writeSecret(path, b1.id, sealed);
    expectTampered(vault, b1);
    // The original row still opens: only the moved copies are refused.
    expect(signForItsAccount(vault, a1.id, NONCE)['X-Auth-Signature']).toBe(hmac(a1));
  });

  it('is detected for a key row moved to another account or given another kid', async () => {
    const { path, vault, accountB, a1 } = await populatedVault();
    withRawDatabase(path, (db) => db.prepare('UPDATE api_keys SET account_id = ? WHERE id = ?').run(accountB.id, a1.id));
    expectTampered(vault, a1);
    withRawDatabase(path, (db) => db.prepare('UPDATE api_keys SET kid = ? WHERE id = ?').run(newKid(), a1.id));
    expectTampered(vault, a1);
  });

  it('is detected for a 2FA seed with a flipped bit or copied onto another account', async () => {
    const { path, vault, accountA, accountB, seeds } = await populatedVault();
    const sealed = readSeed(path, accountA.id);
    for (let index = 0; index < sealed.length; index += 1) {
      writeSeed(path, accountA.id, flipBit(sealed, index, 7 - (index % 8)));
      const error = vaultErrorFrom(() => vault.totpSeed(accountA.id));
      expect(error.code).toBe('vault.tampered');
      expect(error.message).not.toContain(seeds.a);
    }
    writeSeed(path, accountA.id, sealed);
    expect(vault.totpSeed(accountA.id)).toBe(seeds.a);

    writeSeed(path, accountB.id, sealed);
    expect(vaultErrorFrom(() => vault.totpSeed(accountB.id)).code).toBe('vault.tampered');
  });

  it('refuses a wrong passphrase, stays locked and changes nothing but the failure count', async () => {
    const { path, vault, a1 } = await populatedVault();
    vault.access.lock();
    const before = withRawDatabase(path, (db) => dumpTables(db, ['unlock_failures']));

    expect((await vaultRejection(vault.access.unlock('not the passphrase'))).code).toBe('vault.wrong_passphrase');

    expect(vault.access.isUnlocked()).toBe(false);
    expect(vaultErrorFrom(() => signForItsAccount(vault, a1.id, NONCE)).code).toBe('vault.locked');
    expect(withRawDatabase(path, (db) => dumpTables(db, ['unlock_failures']))).toEqual(before);
    await vault.access.unlock(PASSPHRASE);
    expect(signForItsAccount(vault, a1.id, NONCE)['X-Auth-Signature']).toBe(hmac(a1));
  });

  it('never yields a vault key from a wrapped key with a flipped bit or changed scrypt parameters', async () => {
    const { path, clock, vault, a1 } = await populatedVault();
    vault.access.lock();
    const row = withRawDatabase(
      path,
      (db) => db.prepare("SELECT wrapped, params FROM key_wraps WHERE kind = 'passphrase'").get() as { wrapped: Buffer; params: string },
    );
    const writeWrap = (wrapped: Buffer, params: string) =>
      withRawDatabase(path, (db) => db.prepare("UPDATE key_wraps SET wrapped = ?, params = ? WHERE kind = 'passphrase'").run(wrapped, params));
    const expectRefused = async () => {
      clock.advance(PAST_ANY_THROTTLE_MS);
      const error = await vaultRejection(vault.access.unlock(PASSPHRASE));
      expect(['vault.wrong_passphrase', 'vault.tampered']).toContain(error.code);
      expect(vault.access.isUnlocked()).toBe(false);
    };

    for (let index = 0; index < row.wrapped.length; index += 1) {
      writeWrap(flipBit(row.wrapped, index, index % 8), row.params);
      await expectRefused();
    }
    const params = JSON.parse(row.params) as { N: number; salt: string };
    const otherSalt = flipBit(Buffer.from(params.salt, 'base64'), 0).toString('base64');
    for (const changed of [
      { ...params, salt: otherSalt },
      { ...params, N: params.N / 2 },
    ]) {
      writeWrap(row.wrapped, JSON.stringify(changed));
      await expectRefused();
    }

    writeWrap(row.wrapped, row.params);
    clock.advance(PAST_ANY_THROTTLE_MS);
    await vault.access.unlock(PASSPHRASE);
    expect(signForItsAccount(vault, a1.id, NONCE)['X-Auth-Signature']).toBe(hmac(a1));
  });
});
