import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';
import { databaseAtVersion, freshDatabaseAtVersionPerTest, isStrict } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(7);

const columnNames = (table: string) => (database().pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);

describe('migration 0007: row MACs', () => {
  it('adds a mac column at the end of accounts and api_keys, which stay STRICT', () => {
    expect(columnNames('accounts').at(-1)).toBe('mac');
    expect(columnNames('api_keys').at(-1)).toBe('mac');
    expect(isStrict(database(), 'accounts')).toBe(true);
    expect(isStrict(database(), 'api_keys')).toBe(true);
  });

  it('takes a BLOB only', () => {
    database()
      .prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at, mac) VALUES ('a', 'A', 'https://a.example', 0, 1, 1, ?)")
      .run(Buffer.of(1));
    expect(() =>
      database()
        .prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at, mac) VALUES ('b', 'B', 'https://b.example', 0, 1, 1, 'text')")
        .run(),
    ).toThrow(/cannot store TEXT value in BLOB column/);
  });

  it('keeps the rows of a version 6 file, their MAC empty until the vault key computes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'barong-vault-'));
    const db = databaseAtVersion(join(dir, 'vault.db'), 6);
    onTestFinished(() => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    db.prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at) VALUES ('a', 'A', 'https://a.example', 0, 1, 1)").run();
    db.prepare("INSERT INTO api_keys (id, account_id, kid, origin, secret, created_at) VALUES ('k', 'a', 'kid', 'imported', ?, 1)").run(Buffer.of(1));
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(db.prepare('SELECT id, mac FROM accounts').all()).toEqual([{ id: 'a', mac: null }]);
    expect(db.prepare('SELECT id, kid, mac FROM api_keys').all()).toEqual([{ id: 'k', kid: 'kid', mac: null }]);
  });
});
