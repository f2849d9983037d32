import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, policyForLevel } from '../../../../app/domain/agent-policy';
import { withRawDatabase } from '../../tests/raw-database';
import { MIGRATIONS } from './index';
import { freshDatabaseAtVersionPerTest, isStrict, userVersion } from '../../tests/schema-at-version';
import { accountInput, newKid, newSecret, PASSPHRASE, signForItsAccount, VaultFixture } from '../../tests/vault-fixture';

const database = freshDatabaseAtVersionPerTest(8);
const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

beforeEach(() => {
  database().prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at) VALUES ('a', 'A', 'https://a.example', 0, 1, 1)").run();
});

const insertKey = (policy: unknown) =>
  database()
    .prepare("INSERT INTO api_keys (id, account_id, kid, origin, secret, created_at, policy) VALUES ('k', 'a', 'kid', 'imported', ?, 1, ?)")
    .run(Buffer.of(1), policy);

describe('migration 0008: key policies', () => {
  it('adds a policy column at the end of api_keys, which stays STRICT, empty (the default policy) unless set', () => {
    const columns = database().pragma('table_info(api_keys)') as Array<{ name: string; type: string; notnull: number; dflt_value: unknown }>;
    expect(columns.at(-1)).toMatchObject({ name: 'policy', type: 'TEXT', notnull: 0, dflt_value: null });
    expect(isStrict(database(), 'api_keys')).toBe(true);
  });

  it('takes JSON text only', () => {
    expect(() => insertKey('{"agentUse": true')).toThrow(/CHECK/);
    expect(() => insertKey(Buffer.from('{}'))).toThrow(/cannot store BLOB value in TEXT column/);
    insertKey(JSON.stringify(DEFAULT_POLICY));
  });

  it("leaves a version 7 vault's keys as they were: their MACs still hold, and they open with the default policy", async () => {
    const path = fixture.newPath();
    let vault = fixture.open({ path });
    await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
    const account = vault.createAccount(accountInput('Alpha'));
    const { key } = vault.importKey({ accountId: account.id, kid: newKid(), secret: newSecret() });
    vault.close();
    // What the version 7 app left: the same rows and MACs, without the column (nor what later versions added).
    withRawDatabase(path, (db) => {
      db.exec('ALTER TABLE api_keys DROP COLUMN policy');
      db.exec('DROP TABLE saved_requests');
      db.pragma('user_version = 7');
    });

    vault = fixture.open({ path });
    await vault.access.unlock(PASSPHRASE);
    expect(withRawDatabase(path, (db) => ({ version: userVersion(db), policy: db.prepare('SELECT policy FROM api_keys').pluck().get() }))).toEqual({
      version: MIGRATIONS.length,
      policy: null,
    });
    expect(vault.keyPolicy(key.id)).toEqual(DEFAULT_POLICY);
    expect(() => signForItsAccount(vault, key.id, '1700000000000')).not.toThrow();
    vault.setKeyPolicy(key.id, policyForLevel('read'));
    expect(vault.agentKeys().map((entry) => entry.policy)).toEqual([policyForLevel('read')]);
  });
});
