import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_SCRYPT_COST } from '../crypto/passphrase-kdf';
import { Vault } from '../vault';
import { FakeKeychain } from './fake-keychain';
import { withRawDatabase } from './raw-database';
import { accountInput, newKid, newSecret, newTotpSeed, PASSPHRASE, vaultErrorFrom, vaultRejection, VaultFixture, signForItsAccount } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const NONCE = '1700000000000';
const NEW_PASSPHRASE = 'a brand new passphrase';

async function vaultWithKeys(keychain?: FakeKeychain) {
  const path = fixture.newPath();
  const vault = fixture.open({ path, ...(keychain ? { keychain } : {}) });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: keychain !== undefined });
  const account = vault.createAccount(accountInput('Alpha'));
  const seed = newTotpSeed();
  vault.setTotpSeed(account.id, seed);
  const input = { accountId: account.id, kid: newKid(), secret: newSecret() };
  const { key } = vault.importKey(input);
  const signature = createHmac('sha256', input.secret)
    .update(NONCE + input.kid)
    .digest('hex');
  return { path, vault, account, seed, key, secret: input.secret, signature };
}

/** The secret and seed ciphertexts as stored. */
const sealedSecrets = (path: string) =>
  withRawDatabase(path, (db) => ({
    keys: db.prepare('SELECT id, secret FROM api_keys ORDER BY id').all(),
    seeds: db.prepare('SELECT id, totp_seed FROM accounts ORDER BY id').all(),
  }));
const passphraseWrap = (path: string) =>
  withRawDatabase(path, (db) => db.prepare("SELECT wrapped, params FROM key_wraps WHERE kind = 'passphrase'").get() as { wrapped: Buffer; params: string });

describe('locking', () => {
  it('makes every operation that needs a secret fail with vault.locked, and tells the listeners', async () => {
    const { vault, account, key } = await vaultWithKeys(new FakeKeychain());
    const heard: string[] = [];
    vault.access.onLock(() => heard.push('first'));
    const unsubscribe = vault.access.onLock(() => heard.push('second'));

    vault.access.lock();
    vault.access.lock();

    expect(heard).toEqual(['first', 'second']);
    const newKey = { accountId: account.id, kid: newKid(), secret: newSecret() };
    const secretUses: Array<[string, () => unknown]> = [
      ['sign', () => signForItsAccount(vault, key.id, NONCE)],
      ['revealSecret', () => vault.revealSecret(key.id)],
      ['importKey', () => vault.importKey(newKey)],
      ['storeCreatedKey', () => vault.storeCreatedKey(newKey)],
      ['setTotpSeed', () => vault.setTotpSeed(account.id, newTotpSeed())],
      ['totpSeed', () => vault.totpSeed(account.id)],
      ['removeKeychain', () => vault.access.removeKeychain()],
    ];
    for (const [name, use] of secretUses) expect({ name, code: vaultErrorFrom(use).code }).toEqual({ name, code: 'vault.locked' });
    for (const [name, use] of [
      ['setPassphrase', () => vault.access.setPassphrase(PASSPHRASE, NEW_PASSPHRASE)],
      ['removePassphrase', () => vault.access.removePassphrase(PASSPHRASE)],
      ['addKeychain', () => vault.access.addKeychain()],
    ] as const) {
      expect({ name, code: (await vaultRejection(use())).code }).toEqual({ name, code: 'vault.locked' });
    }
    // What needs no secret still works, so that the locked app can show the list.
    expect(vault.listKeys(account.id).map((listed) => listed.id)).toEqual([key.id]);

    await vault.access.unlock();
    unsubscribe();
    vault.close();
    expect(heard).toEqual(['first', 'second', 'first']);
  });
});

describe('events for the app core', () => {
  it('tells the unlock listeners after setup and after each unlock, not after a failed one', async () => {
    const path = fixture.newPath();
    const vault = fixture.open({ path });
    let unlocks = 0;
    const unsubscribe = vault.access.onUnlock(() => {
      expect(vault.access.isUnlocked()).toBe(true);
      unlocks += 1;
    });
    await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
    expect(unlocks).toBe(1);
    vault.access.lock();
    await vaultRejection(vault.access.unlock('not the passphrase'));
    expect(unlocks).toBe(1);
    vault.access.lock();
    unsubscribe();
    expect(unlocks).toBe(1);
  });

  it('tells the settings listeners the whole new settings after each change', async () => {
    const { vault } = await vaultWithKeys();
    const heard: unknown[] = [];
    vault.onSettingsChanged((settings) => heard.push(settings));
    vault.updateSettings({ theme: 'dark' });
    vault.updateSettings({ autoLockMinutes: 3 });
    expect(heard).toHaveLength(2);
    expect(heard[0]).toMatchObject({ theme: 'dark', autoLockMinutes: 10 });
    expect(heard[1]).toEqual(vault.getSettings());
    expect(heard[1]).toMatchObject({ theme: 'dark', autoLockMinutes: 3 });
  });
});

describe('changing the passphrase', () => {
  it('rotates the vault key: old passphrase refused, new one unlocks, every secret and seed sealed anew', async () => {
    const { path, vault, account, seed, key, secret, signature } = await vaultWithKeys();
    const secretsBefore = sealedSecrets(path);
    const wrapBefore = passphraseWrap(path);

    expect((await vaultRejection(vault.access.setPassphrase(undefined, NEW_PASSPHRASE))).code).toBe('vault.passphrase_required');
    expect((await vaultRejection(vault.access.setPassphrase('not the passphrase', NEW_PASSPHRASE))).code).toBe('vault.wrong_passphrase');
    expect(passphraseWrap(path)).toEqual(wrapBefore);
    await vault.access.setPassphrase(PASSPHRASE, NEW_PASSPHRASE);

    const secretsAfter = sealedSecrets(path);
    expect(secretsAfter.keys).toHaveLength(secretsBefore.keys.length);
    secretsAfter.keys.forEach((row, index) => expect(row).not.toEqual(secretsBefore.keys[index]));
    secretsAfter.seeds.forEach((row, index) => expect(row).not.toEqual(secretsBefore.seeds[index]));
    const wrapAfter = passphraseWrap(path);
    expect(wrapAfter.wrapped.equals(wrapBefore.wrapped)).toBe(false);
    expect(JSON.parse(wrapAfter.params)).not.toMatchObject({ salt: (JSON.parse(wrapBefore.params) as { salt: string }).salt });
    vault.close();

    const reopened = fixture.open({ path });
    expect((await vaultRejection(reopened.access.unlock(PASSPHRASE))).code).toBe('vault.wrong_passphrase');
    expect(reopened.access.isUnlocked()).toBe(false);
    await reopened.access.unlock(NEW_PASSPHRASE);
    expect(signForItsAccount(reopened, key.id, NONCE)['X-Auth-Signature']).toBe(signature);
    expect(reopened.revealSecret(key.id)).toBe(secret);
    expect(reopened.totpSeed(account.id)).toBe(seed);
  });

  it('wraps the real vault key even when the vault is locked while the change runs', async () => {
    const { path, vault, key, signature } = await vaultWithKeys();
    const change = vault.access.setPassphrase(PASSPHRASE, NEW_PASSPHRASE);
    vault.access.lock();
    await change;
    vault.close();

    const reopened = fixture.open({ path });
    await reopened.access.unlock(NEW_PASSPHRASE);
    expect(signForItsAccount(reopened, key.id, NONCE)['X-Auth-Signature']).toBe(signature);
  });

  it('wraps the real vault key in the keychain even when the vault is locked while it is added', async () => {
    const keychain = new FakeKeychain();
    const { path, vault, key, signature } = await vaultWithKeys();
    const reopenedWithKeychain = fixture.open({ path, keychain });
    vault.close();
    await reopenedWithKeychain.access.unlock(PASSPHRASE);
    const adding = reopenedWithKeychain.access.addKeychain();
    reopenedWithKeychain.access.lock();
    await adding;
    reopenedWithKeychain.close();

    const reopened: Vault = fixture.open({ path, keychain });
    await reopened.access.unlock();
    expect(signForItsAccount(reopened, key.id, NONCE)['X-Auth-Signature']).toBe(signature);
  });

  it('uses the slow default scrypt cost (N >= 2^17, r = 8, p = 1) when none is given', async () => {
    const path = fixture.newPath();
    // Not through the fixture, which lowers the cost: this is the vault the app gets.
    const vault = Vault.open({ path });
    onTestFinished(() => vault.close());
    await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
    const params = JSON.parse(passphraseWrap(path).params) as { N: number; r: number; p: number; salt: string };
    expect(params.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(params).toMatchObject({ N: DEFAULT_SCRYPT_COST.N, r: 8, p: 1 });
    expect(Buffer.from(params.salt, 'base64').length).toBeGreaterThanOrEqual(16);
  });
});
