import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseAtVersionPerTest, isStrict, tableNames } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(6);
beforeEach(() => {
  for (const id of ['a', 'b']) {
    database().prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at) VALUES (?, 'A', 'https://a.example', 0, 1, 1)").run(id);
  }
});

const insertPending = (id: string, fields: Record<string, unknown> = {}) =>
  database()
    .prepare('INSERT INTO pending_key_creations (id, account_id, started_at) VALUES (@id, @accountId, @startedAt)')
    .run({ id, accountId: 'a', startedAt: 1, ...fields });
const pendingIds = () => database().prepare('SELECT id FROM pending_key_creations ORDER BY id').pluck().all();

describe('migration 0006: pending key creations', () => {
  it('adds a STRICT pending_key_creations table and its account index', () => {
    expect(tableNames(database())).toEqual(['accounts', 'api_keys', 'audit_log', 'key_wraps', 'pending_key_creations', 'settings', 'unlock_failures']);
    expect(isStrict(database(), 'pending_key_creations')).toBe(true);
    expect(database().prepare("SELECT tbl_name FROM sqlite_schema WHERE name = 'pending_key_creations_account'").pluck().get()).toBe('pending_key_creations');
  });

  it('has no column for a secret: only what was asked for and when', () => {
    const columns = database().pragma('table_info(pending_key_creations)') as Array<{ name: string }>;
    expect(columns.map((column) => column.name)).toEqual(['id', 'account_id', 'label', 'scopes', 'started_at']);
  });

  it('defaults the label and scopes, and requires a start time', () => {
    insertPending('ok');
    expect(database().prepare("SELECT label, scopes FROM pending_key_creations WHERE id = 'ok'").get()).toEqual({ label: '', scopes: '[]' });
    expect(() => insertPending('no-time', { startedAt: null })).toThrow(/NOT NULL/);
    expect(() => insertPending('text-time', { startedAt: 'now' })).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('refuses a row of no account and goes with its account', () => {
    expect(() => insertPending('orphan', { accountId: 'nobody' })).toThrow(/FOREIGN KEY/);
    insertPending('a1');
    insertPending('b1', { accountId: 'b' });
    database().prepare("DELETE FROM accounts WHERE id = 'a'").run();
    expect(pendingIds()).toEqual(['b1']);
  });
});
