import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseAtVersionPerTest, isStrict, tableNames } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(3);
beforeEach(() => {
  for (const id of ['a', 'b']) {
    database().prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at) VALUES (?, 'A', 'https://a.example', 0, 1, 1)").run(id);
  }
});

const insertKey = (id: string, fields: Record<string, unknown> = {}) =>
  database()
    .prepare(
      `INSERT INTO api_keys (id, account_id, kid, algorithm, remote_state, origin, secret, created_at)
       VALUES (@id, @accountId, @kid, @algorithm, @remoteState, @origin, @secret, 1)`,
    )
    .run({ id, accountId: 'a', kid: `kid-${id}`, algorithm: 'HS256', remoteState: 'unknown', origin: 'imported', secret: Buffer.of(1), ...fields });
const keyIds = () => database().prepare('SELECT id FROM api_keys ORDER BY id').pluck().all();

describe('migration 0003: API keys', () => {
  it('adds a STRICT api_keys table and its kid index', () => {
    expect(tableNames(database())).toEqual(['accounts', 'api_keys', 'key_wraps', 'unlock_failures']);
    expect(isStrict(database(), 'api_keys')).toBe(true);
    expect(database().prepare("SELECT tbl_name FROM sqlite_schema WHERE name = 'api_keys_kid'").pluck().get()).toBe('api_keys');
  });

  it('accepts only HS256, the known remote states and the two origins', () => {
    insertKey('ok');
    expect(database().prepare("SELECT label, scopes FROM api_keys WHERE id = 'ok'").get()).toEqual({ label: '', scopes: '[]' });
    expect(() => insertKey('rs', { algorithm: 'RS256' })).toThrow(/CHECK/);
    expect(() => insertKey('state', { remoteState: 'revoked' })).toThrow(/CHECK/);
    expect(() => insertKey('origin', { origin: 'stolen' })).toThrow(/CHECK/);
    expect(() => insertKey('text', { secret: 'plain secret' })).toThrow(/cannot store TEXT value in BLOB column/);
  });

  it('keeps a kid once per account, but the same kid may sit in two accounts', () => {
    insertKey('one', { kid: 'shared' });
    insertKey('two', { kid: 'shared', accountId: 'b' });
    expect(() => insertKey('three', { kid: 'shared' })).toThrow(/UNIQUE/);
  });

  it('refuses a key of no account and deletes the keys with their account', () => {
    expect(() => insertKey('orphan', { accountId: 'nobody' })).toThrow(/FOREIGN KEY/);
    insertKey('a1');
    insertKey('a2');
    insertKey('b1', { accountId: 'b' });
    database().prepare("DELETE FROM accounts WHERE id = 'a'").run();
    expect(keyIds()).toEqual(['b1']);
  });
});
