import { createHash, createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../app/domain/agent-policy';
import { migrate } from '../database/migrate';
import { MIGRATIONS } from '../database/migrations';
import type { Migration } from '../database/migrations/migration';
import { openDatabase } from '../database/open-database';
import { VaultError } from '../vault-error';
import { FakeKeychain, keychainPlaintextKey } from './fake-keychain';
import { dumpTables, withRawDatabase } from './raw-database';
import { databaseAtVersion, schemaOf, tableNames, userVersion } from './schema-at-version';
import { accountInput, newKid, newSecret, newTotpSeed, PASSPHRASE, vaultErrorFrom, VaultFixture, signForItsAccount } from './vault-fixture';
import { asVersion6Rows } from './version-6-rows';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const LATEST = MIGRATIONS.length;
const NONCE = '1700000000000';
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The schema a brand-new vault gets: what every upgraded file must end with. */
function freshSchema() {
  return withRawDatabase(fixture.newPath(), (db) => {
    migrate(db);
    return schemaOf(db);
  });
}

/**
 * A vault used the way a trader does, so that every table has rows, as the version 6 app wrote
 * them (the last one before row MACs); returns them and what to check.
 */
async function representativeRows() {
  const path = fixture.newPath();
  const keychain = new FakeKeychain();
  const vault = fixture.open({ path, keychain });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: true });
  const account = vault.createAccount({ ...accountInput('Alpha'), loginEmail: 'trader@example.com', notes: 'main', color: '#3366cc' });
  const seed = newTotpSeed();
  vault.setTotpSeed(account.id, seed);
  const input = { accountId: account.id, kid: newKid(), secret: newSecret(), label: 'bot', scopes: ['trade'] };
  const { key } = vault.storeCreatedKey(input);
  vault.recordUse(key.id, { action: 'send', method: 'GET', path: '/api/v2/peatio/account/balances', status: 200 });
  vault.updateSettings({ theme: 'dark', autoLockMinutes: 3 });
  vault.beginKeyCreation({ accountId: account.id, label: 'interrupted', scopes: ['trade'] });
  await vault.access.unlock(PASSPHRASE);
  vault.close();
  const rows = await asVersion6Rows(
    withRawDatabase(path, (db) => dumpTables(db)),
    keychainPlaintextKey(keychain.plaintexts[0] ?? ''),
    PASSPHRASE,
  );
  return {
    rows,
    accountId: account.id,
    keyId: key.id,
    seed,
    signature: createHmac('sha256', input.secret)
      .update(NONCE + input.kid)
      .digest('hex'),
  };
}

describe('vault files of other versions', () => {
  it('creates the latest schema in a new file and in an empty one', () => {
    const expected = freshSchema();
    const missing = fixture.newPath();
    const empty = fixture.newPath();
    writeFileSync(empty, '');
    for (const path of [missing, empty]) {
      const db = openDatabase(path);
      expect(userVersion(db)).toBe(LATEST);
      expect(schemaOf(db)).toEqual(expected);
      db.close();
    }
  });

  it.each(Array.from({ length: LATEST }, (_, version) => version))('upgrades a file at version %i to the latest, keeping its rows', async (version) => {
    const source = await representativeRows();
    const path = fixture.newPath();
    const old = databaseAtVersion(path, version);
    const oldTables = tableNames(old);
    for (const table of oldTables) {
      for (const row of source.rows[table] ?? []) {
        const columns = Object.keys(row as object);
        old.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(row);
      }
    }
    expect(userVersion(old)).toBe(version);
    old.close();

    const vault = fixture.open({ path });
    const after = withRawDatabase(path, (db) => ({ version: userVersion(db), schema: schemaOf(db), rows: dumpTables(db) }));
    expect(after.version).toBe(LATEST);
    expect(after.schema).toEqual(freshSchema());
    // Rows without a MAC until the first unlock computes it; keys with the default policy (none stored).
    const macColumn = (table: string) => ({ accounts: { mac: null }, api_keys: { mac: null, policy: null } })[table] ?? {};
    for (const table of Object.keys(after.rows)) {
      expect({ table, rows: after.rows[table] }).toEqual({
        table,
        rows: oldTables.includes(table) ? source.rows[table]?.map((row) => ({ ...row, ...macColumn(table) })) : [],
      });
    }
    // Beyond equal rows: the kept wraps still open, and the kept ciphertexts still decrypt.
    if (oldTables.includes('key_wraps')) await vault.access.unlock(PASSPHRASE);
    const macs = withRawDatabase(path, (db) =>
      ['accounts', 'api_keys'].filter((table) => oldTables.includes(table)).flatMap((table) => db.prepare(`SELECT mac FROM ${table}`).pluck().all()),
    );
    expect(macs.every((mac) => Buffer.isBuffer(mac) && mac.length === 32)).toBe(true);
    if (oldTables.includes('accounts')) expect(vault.totpSeed(source.accountId)).toBe(source.seed);
    if (oldTables.includes('api_keys')) {
      expect(signForItsAccount(vault, source.keyId, NONCE)['X-Auth-Signature']).toBe(source.signature);
      expect(vault.keyPolicy(source.keyId)).toEqual(DEFAULT_POLICY);
    }
    if (oldTables.includes('settings')) expect(vault.getSettings()).toMatchObject({ theme: 'dark', autoLockMinutes: 3 });
  });

  it.each(['wal', 'delete'])('refuses a file from a newer app (journal mode %s) without modifying it', (journalMode) => {
    const path = fixture.newPath();
    withRawDatabase(path, (db) => {
      db.pragma(`journal_mode = ${journalMode}`);
      migrate(db);
      db.pragma(`user_version = ${LATEST + 1}`);
    });
    expect(existsSync(`${path}-wal`)).toBe(false);
    const before = sha256(path);

    const error = vaultErrorFrom(() => openDatabase(path));

    expect(error).toBeInstanceOf(VaultError);
    expect(error.code).toBe('vault.newer_version');
    expect(error.message).toContain('newer Barong Vault');
    expect(error.message).toContain(`database version ${LATEST + 1}`);
    expect(error.message).toContain(`up to ${LATEST}`);
    expect(error.message).toContain('Update the app');
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(withRawDatabase(path, (db) => db.pragma('journal_mode', { simple: true }))).toBe(journalMode);
  });

  it('rolls a failing upgrade back entirely: no new table, the old version', () => {
    const broken: Migration = {
      version: LATEST + 1,
      name: 'broken',
      sql: 'CREATE TABLE added (id INTEGER PRIMARY KEY) STRICT; INSERT INTO missing VALUES (1);',
    };
    const path = fixture.newPath();
    openDatabase(path).close();
    const before = withRawDatabase(path, (db) => ({ schema: schemaOf(db), version: userVersion(db) }));

    expect(() => openDatabase(path, [...MIGRATIONS, broken])).toThrow(/no such table: missing/);

    expect(withRawDatabase(path, (db) => ({ schema: schemaOf(db), version: userVersion(db) }))).toEqual(before);
  });

  it('rolls back every step of a multi-step upgrade when a later step fails', () => {
    const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE half (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE half (id INTEGER) STRICT;' };
    const path = fixture.newPath();
    expect(() => openDatabase(path, [...MIGRATIONS.slice(0, 2), broken])).toThrow(/already exists/);
    expect(withRawDatabase(path, (db) => ({ tables: tableNames(db), version: userVersion(db) }))).toEqual({ tables: [], version: 0 });
  });
});
