import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../vault';
import { FakeKeychain } from './fake-keychain';
import { flipBit, withRawDatabase } from './raw-database';
import { accountInput, newKid, newSecret, PASSPHRASE, vaultErrorFrom, vaultRejection, VaultFixture, signForItsAccount } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const NONCE = '1700000000000';

interface StoredKey {
  keyId: string;
  /** What node:crypto says the signature of NONCE is. */
  signature: string;
}

function storeKey(vault: Vault): StoredKey {
  const account = vault.createAccount(accountInput('Alpha'));
  const input = { accountId: account.id, kid: newKid(), secret: newSecret() };
  const { key } = vault.importKey(input);
  return {
    keyId: key.id,
    signature: createHmac('sha256', input.secret)
      .update(NONCE + input.kid)
      .digest('hex'),
  };
}

/** The vault key in use is the one the key was stored with. */
const expectSigns = (vault: Vault, stored: StoredKey) => expect(signForItsAccount(vault, stored.keyId, NONCE)['X-Auth-Signature']).toBe(stored.signature);

const wrapKinds = (path: string) => withRawDatabase(path, (db) => db.prepare('SELECT kind FROM key_wraps ORDER BY kind').pluck().all());

/** A vault set up with `setup`, a key in it, then closed; reopen it with any keychain. */
async function closedVault(setup: { passphrase?: string; keychain: boolean }, keychain = new FakeKeychain()) {
  const path = fixture.newPath();
  const vault = fixture.open({ path, keychain });
  await vault.access.create(setup);
  const stored = storeKey(vault);
  vault.close();
  return { path, keychain, stored };
}

describe('setting up and unlocking a vault', () => {
  it('with the keychain only: unlocks through the keychain, refuses a passphrase', async () => {
    const { path, keychain, stored } = await closedVault({ keychain: true });
    expect(wrapKinds(path)).toEqual(['keychain']);
    const vault = fixture.open({ path, keychain });
    expect(vault.status()).toEqual({ setUp: true, unlocked: false, passphrase: false, keychain: 'gnome_libsecret' });
    expect((await vaultRejection(vault.access.unlock(PASSPHRASE))).code).toBe('vault.no_unlock_method');
    await vault.access.unlock();
    expectSigns(vault, stored);
  });

  it('with the passphrase only: asks for it, and it unlocks', async () => {
    const { path, keychain, stored } = await closedVault({ passphrase: PASSPHRASE, keychain: false });
    expect(wrapKinds(path)).toEqual(['passphrase']);
    const vault = fixture.open({ path, keychain });
    expect(vault.status()).toEqual({ setUp: true, unlocked: false, passphrase: true, keychain: null });
    expect((await vaultRejection(vault.access.unlock())).code).toBe('vault.passphrase_required');
    await vault.access.unlock(PASSPHRASE);
    expectSigns(vault, stored);
  });

  it('with both: either one unlocks the same vault key', async () => {
    const { path, keychain, stored } = await closedVault({ passphrase: PASSPHRASE, keychain: true });
    expect(wrapKinds(path)).toEqual(['keychain', 'passphrase']);
    for (const unlock of [(vault: Vault) => vault.access.unlock(), (vault: Vault) => vault.access.unlock(PASSPHRASE)]) {
      const vault = fixture.open({ path, keychain });
      await unlock(vault);
      expectSigns(vault, stored);
      vault.close();
    }
  });

  it('refuses no method, a keychain that is not there, a second setup, and a missing vault', async () => {
    const vault = fixture.open({ path: fixture.newPath() });
    expect((await vaultRejection(vault.access.unlock(PASSPHRASE))).code).toBe('vault.not_set_up');
    expect((await vaultRejection(vault.access.create({ keychain: false }))).code).toBe('vault.no_unlock_method');
    expect((await vaultRejection(vault.access.create({ passphrase: PASSPHRASE, keychain: true }))).code).toBe('vault.keychain_unavailable');
    expect(vault.status()).toEqual({ setUp: false, unlocked: false, passphrase: false, keychain: null });
    await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
    expect((await vaultRejection(vault.access.create({ passphrase: 'another passphrase', keychain: false }))).code).toBe('vault.already_set_up');
  });

  it('refuses a basic_text keychain at setup, writing nothing, and at addKeychain', async () => {
    const insecure = new FakeKeychain('basic_text');
    const path = fixture.newPath();
    const vault = fixture.open({ path, keychain: insecure });
    for (const setup of [{ keychain: true }, { passphrase: PASSPHRASE, keychain: true }]) {
      const error = await vaultRejection(vault.access.create(setup));
      expect(error.code).toBe('vault.keychain_insecure');
      expect(error.message).toContain('passphrase');
      expect(vault.status()).toEqual({ setUp: false, unlocked: false, passphrase: false, keychain: null });
      expect(wrapKinds(path)).toEqual([]);
    }
    await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
    expect((await vaultRejection(vault.access.addKeychain())).code).toBe('vault.keychain_insecure');
    expect(wrapKinds(path)).toEqual(['passphrase']);
  });
});

describe('adding and removing unlock methods', () => {
  it('adds the keychain to a passphrase vault, then removes it again', async () => {
    const { path, keychain, stored } = await closedVault({ passphrase: PASSPHRASE, keychain: false });
    let vault = fixture.open({ path, keychain });
    await vault.access.unlock(PASSPHRASE);
    await vault.access.addKeychain();
    expect(vault.access.methods()).toEqual({ passphrase: true, keychain: 'gnome_libsecret' });
    vault.close();

    vault = fixture.open({ path, keychain });
    await vault.access.unlock();
    expectSigns(vault, stored);
    vault.access.removeKeychain();
    expect(wrapKinds(path)).toEqual(['passphrase']);
    vault.close();

    vault = fixture.open({ path, keychain });
    expect((await vaultRejection(vault.access.unlock())).code).toBe('vault.passphrase_required');
    await vault.access.unlock(PASSPHRASE);
    expectSigns(vault, stored);
  });

  it('adds a passphrase to a keychain vault and removes it again with the right one', async () => {
    const { path, keychain, stored } = await closedVault({ keychain: true });
    let vault = fixture.open({ path, keychain });
    await vault.access.unlock();
    await vault.access.setPassphrase(undefined, PASSPHRASE);
    vault.close();
    vault = fixture.open({ path, keychain });
    await vault.access.unlock(PASSPHRASE);
    expectSigns(vault, stored);
    expect(wrapKinds(path)).toEqual(['keychain', 'passphrase']);
    expect((await vaultRejection(vault.access.removePassphrase('not the passphrase'))).code).toBe('vault.wrong_passphrase');
    expect(wrapKinds(path)).toEqual(['keychain', 'passphrase']);
    await vault.access.removePassphrase(PASSPHRASE);
    expect(wrapKinds(path)).toEqual(['keychain']);
  });

  it('refuses to remove the last way to unlock', async () => {
    const keychainOnly = await closedVault({ keychain: true });
    let vault = fixture.open({ path: keychainOnly.path, keychain: keychainOnly.keychain });
    await vault.access.unlock();
    expect(vaultErrorFrom(() => vault.access.removeKeychain()).code).toBe('vault.no_unlock_method');
    expect(wrapKinds(keychainOnly.path)).toEqual(['keychain']);

    const passphraseOnly = await closedVault({ passphrase: PASSPHRASE, keychain: false });
    vault = fixture.open({ path: passphraseOnly.path, keychain: passphraseOnly.keychain });
    await vault.access.unlock(PASSPHRASE);
    expect((await vaultRejection(vault.access.removePassphrase(PASSPHRASE))).code).toBe('vault.no_unlock_method');
    expect(wrapKinds(passphraseOnly.path)).toEqual(['passphrase']);
  });
});

describe('a keychain that changed since setup', () => {
  const replaced = (keychain: FakeKeychain) => {
    keychain.backendName = 'kwallet5';
    return keychain;
  };
  const unavailable = (keychain: FakeKeychain) => {
    keychain.available = false;
    return keychain;
  };
  // Same backend, another key: the keyring was reset, and what it wrapped no longer decrypts.
  const reset = () => new FakeKeychain('gnome_libsecret');

  it.each([
    ['was replaced by another backend', replaced, 'was replaced by kwallet5'],
    ['is no longer available', unavailable, 'is not available now'],
    ['can no longer decrypt the wrap', reset, 'can no longer decrypt it'],
  ])('is reported when it %s, and the passphrase still unlocks', async (_, change, reason) => {
    const { path, keychain, stored } = await closedVault({ passphrase: PASSPHRASE, keychain: true });
    const vault = fixture.open({ path, keychain: change(keychain) });

    const error = await vaultRejection(vault.access.unlock());

    expect(error.code).toBe('vault.keychain_changed');
    expect(error.message).toContain('(gnome_libsecret)');
    expect(error.message).toContain(reason);
    expect(error.message).toContain('unlock with the passphrase');
    expect(vault.access.isUnlocked()).toBe(false);
    await vault.access.unlock(PASSPHRASE);
    expectSigns(vault, stored);
  });

  it('is reported when the stored keychain wrap has a flipped bit', async () => {
    const { path, keychain, stored } = await closedVault({ passphrase: PASSPHRASE, keychain: true });
    withRawDatabase(path, (db) => {
      const wrapped = db.prepare("SELECT wrapped FROM key_wraps WHERE kind = 'keychain'").pluck().get() as Buffer;
      db.prepare("UPDATE key_wraps SET wrapped = ? WHERE kind = 'keychain'").run(flipBit(wrapped, wrapped.length - 1));
    });
    const vault = fixture.open({ path, keychain });
    expect((await vaultRejection(vault.access.unlock())).code).toBe('vault.keychain_changed');
    await vault.access.unlock(PASSPHRASE);
    expectSigns(vault, stored);
  });
});

describe('removing the passphrase of a vault whose keychain changed', () => {
  it.each([
    ['reset (another keychain key)', () => new FakeKeychain()],
    ['gone', () => Object.assign(new FakeKeychain(), { available: false })],
  ])('is refused when the keychain was %s: the passphrase stays the way in', async (_, changedKeychain) => {
    const { path, stored } = await closedVault({ passphrase: PASSPHRASE, keychain: true });
    const vault = fixture.open({ path, keychain: changedKeychain() });
    await vault.access.unlock(PASSPHRASE);
    const error = await vaultRejection(vault.access.removePassphrase(PASSPHRASE));
    expect(error.code).toBe('vault.keychain_changed');
    expect(error.message).toContain('passphrase is its only way in');
    expect(wrapKinds(path)).toEqual(['keychain', 'passphrase']);
    vault.close();
    const reopened = fixture.open({ path });
    await reopened.access.unlock(PASSPHRASE);
    expectSigns(reopened, stored);
  });
});
