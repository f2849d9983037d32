import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { derivePassphraseKey } from '../crypto/passphrase-kdf';
import { openDatabase } from '../database/open-database';
import type { ScryptParams } from '../crypto/passphrase-kdf';
import { FakeKeychain, keychainPlaintextKey } from './fake-keychain';
import { withRawDatabase } from './raw-database';
import { binaryForms, textForms } from './secret-encodings';
import { accountInput, newKid, newSecret, newTotpSeed, PASSPHRASE, VaultFixture, signForItsAccount } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const NEW_PASSPHRASE = 'a second, longer passphrase';
const vaultFiles = (path: string) => [path, `${path}-wal`, `${path}-shm`].filter((file) => existsSync(file));

/** Which of `needles` (by name) occur in the file: an empty list is what the test wants. */
function leaksIn(file: string, needles: Map<string, Buffer[]>): string[] {
  const bytes = readFileSync(file);
  return [...needles].filter(([, forms]) => forms.some((form) => bytes.includes(form))).map(([name]) => `${name} in ${file}`);
}

describe('a vault at rest', () => {
  it('keeps no secret, 2FA seed, passphrase or vault key in its files, open or closed, and the files are 0600', async () => {
    const path = fixture.newPath();
    const keychain = new FakeKeychain();
    const vault = fixture.open({ path, keychain });
    await vault.access.create({ passphrase: PASSPHRASE, keychain: true });

    const secrets = new Map<string, string>();
    const kids: string[] = [];
    const seeds: string[] = [];
    for (const name of ['Alpha', 'Beta']) {
      const account = vault.createAccount(accountInput(name));
      for (let index = 0; index < 3; index += 1) {
        const input = { accountId: account.id, kid: newKid(), secret: newSecret(), label: `${name} ${index}` };
        const { key } = index === 0 ? vault.storeCreatedKey(input) : vault.importKey(input);
        secrets.set(key.id, input.secret);
        kids.push(input.kid);
      }
      const seed = newTotpSeed();
      seeds.push(seed);
      // Typed the way a trader pastes it: lower case, in groups; stored normalised.
      vault.setTotpSeed(account.id, seed.toLowerCase().replace(/(.{4})/g, '$1 '));
      expect(vault.totpSeed(account.id)).toBe(seed);
    }
    const useEveryKey = () => {
      for (const [id, secret] of secrets) {
        const key = vault.key(id);
        expect(signForItsAccount(vault, id, '1700000000000')['X-Auth-Signature']).toBe(
          createHmac('sha256', secret).update(`1700000000000${key.kid}`).digest('hex'),
        );
        expect(vault.revealSecret(id)).toBe(secret);
        vault.recordUse(id, { action: 'send', method: 'GET', path: '/api/v2/peatio/account/balances', status: 200, outcome: 'ok' });
      }
    };
    useEveryKey();
    vault.access.lock();
    await vault.access.unlock(PASSPHRASE);
    vault.access.lock();
    await vault.access.unlock();
    await vault.access.setPassphrase(PASSPHRASE, NEW_PASSPHRASE);
    useEveryKey();
    const [deleted] = secrets.keys();
    vault.deleteKey(deleted ?? '');

    // The keychain saw the vault key at setup and the new one at the change of passphrase.
    const [vaultKey, rotatedKey] = keychain.plaintexts.map(keychainPlaintextKey);
    expect(vaultKey).toHaveLength(32);
    expect(rotatedKey).toHaveLength(32);
    const params = withRawDatabase(path, (db) => db.prepare("SELECT params FROM key_wraps WHERE kind = 'passphrase'").pluck().get() as string);
    const wrappingKey = await derivePassphraseKey(NEW_PASSPHRASE, JSON.parse(params) as ScryptParams);
    const needles = new Map<string, Buffer[]>([
      ...[...secrets.values()].map((secret, index): [string, Buffer[]] => [`secret ${index}`, textForms(secret)]),
      ...seeds.map((seed, index): [string, Buffer[]] => [`2FA seed ${index}`, [...textForms(seed), ...textForms(seed.toLowerCase())]]),
      ['old passphrase', textForms(PASSPHRASE)],
      ['new passphrase', textForms(NEW_PASSPHRASE)],
      ['vault key', binaryForms(vaultKey ?? Buffer.alloc(0))],
      ['rotated vault key', binaryForms(rotatedKey ?? Buffer.alloc(0))],
      ['passphrase wrapping key', binaryForms(wrappingKey)],
    ]);

    const openFiles = vaultFiles(path);
    expect(openFiles).toEqual([path, `${path}-wal`, `${path}-shm`]);
    // The search does find what is stored in the clear (key ids), so an empty result means something.
    expect(openFiles.flatMap((file) => leaksIn(file, new Map([['kid', [Buffer.from(kids[1] ?? '')]]])))).not.toEqual([]);
    expect(openFiles.flatMap((file) => leaksIn(file, needles))).toEqual([]);
    for (const file of openFiles) expect({ file, mode: statSync(file).mode & 0o777 }).toEqual({ file, mode: 0o600 });

    vault.close();
    const closedFiles = vaultFiles(path);
    expect(closedFiles).toContain(path);
    expect(closedFiles.flatMap((file) => leaksIn(file, needles))).toEqual([]);
    for (const file of closedFiles) expect({ file, mode: statSync(file).mode & 0o777 }).toEqual({ file, mode: 0o600 });
  });

  it('opens its database with secure_delete on, so deleted rows are overwritten in the file, and the file 0600', () => {
    const path = fixture.newPath();
    // The connection the vault opens (the pragma is per connection: a second one would not tell).
    const db = openDatabase(path);
    try {
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      db.close();
    }
  });
});
