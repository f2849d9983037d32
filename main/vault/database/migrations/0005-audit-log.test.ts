import { describe, expect, it } from 'vitest';
import { freshDatabaseAtVersionPerTest, isStrict, tableNames } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(5);

const appendEntry = (fields: Record<string, unknown> = {}) =>
  database()
    .prepare('INSERT INTO audit_log (at, action, account_id, key_id, kid, status) VALUES (@at, @action, @accountId, @keyId, @kid, @status)')
    .run({ at: 1, action: 'sign', accountId: 'a', keyId: 'k', kid: '0123456789abcdef', status: 200, ...fields });

describe('migration 0005: audit log', () => {
  it('adds a STRICT audit_log table and its time index', () => {
    expect(tableNames(database())).toEqual(['accounts', 'api_keys', 'audit_log', 'key_wraps', 'settings', 'unlock_failures']);
    expect(isStrict(database(), 'audit_log')).toBe(true);
    expect(database().prepare("SELECT tbl_name FROM sqlite_schema WHERE name = 'audit_log_at'").pluck().get()).toBe('audit_log');
  });

  it('requires a time and an action, and types the status', () => {
    expect(() => appendEntry({ at: null })).toThrow(/NOT NULL/);
    expect(() => appendEntry({ action: null })).toThrow(/NOT NULL/);
    expect(() => appendEntry({ status: 'OK' })).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('keeps entries after the account and key they name are gone', () => {
    database().prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at) VALUES ('a', 'A', 'https://a.example', 0, 1, 1)").run();
    database()
      .prepare("INSERT INTO api_keys (id, account_id, kid, origin, secret, created_at) VALUES ('k', 'a', '0123456789abcdef', 'imported', x'01', 1)")
      .run();
    appendEntry();
    database().prepare("DELETE FROM accounts WHERE id = 'a'").run();
    expect(database().prepare('SELECT account_id, key_id FROM audit_log').all()).toEqual([{ account_id: 'a', key_id: 'k' }]);
  });
});
