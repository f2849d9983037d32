import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseAtVersionPerTest, isStrict, tableNames } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(9);
beforeEach(() => {
  for (const id of ['a', 'b']) {
    database().prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at) VALUES (?, 'A', 'https://a.example', 0, 1, 1)").run(id);
  }
});

const insertSaved = (id: string, fields: Record<string, unknown> = {}) =>
  database()
    .prepare(
      `INSERT INTO saved_requests (id, account_id, name, method, path, query, body, created_at, mac)
       VALUES (@id, @accountId, @name, @method, @path, @query, @body, @createdAt, @mac)`,
    )
    .run({ id, accountId: 'a', name: id, method: 'GET', path: '/', query: '[]', body: null, createdAt: 1, mac: Buffer.alloc(32), ...fields });
const savedIds = () => database().prepare('SELECT id FROM saved_requests ORDER BY id').pluck().all();

describe('migration 0009: saved requests', () => {
  it('adds a STRICT saved_requests table, with a MAC on every row', () => {
    expect(tableNames(database())).toContain('saved_requests');
    expect(isStrict(database(), 'saved_requests')).toBe(true);
    const columns = database().pragma('table_info(saved_requests)') as Array<{ name: string; notnull: number }>;
    expect(columns.map((column) => column.name)).toEqual(['id', 'account_id', 'name', 'method', 'path', 'query', 'body', 'created_at', 'mac']);
    expect(() => insertSaved('no-mac', { mac: null })).toThrow(/NOT NULL/);
  });

  it('takes the five methods, JSON query and body text only, and no body as NULL', () => {
    expect(() => insertSaved('trace', { method: 'TRACE' })).toThrow(/CHECK/);
    expect(() => insertSaved('query', { query: '[["a"' })).toThrow(/CHECK/);
    expect(() => insertSaved('body', { body: '{' })).toThrow(/CHECK/);
    expect(() => insertSaved('blob', { body: Buffer.from('{}') })).toThrow(/cannot store BLOB value in TEXT column/);
    insertSaved('ok', { method: 'POST', body: '{"market":"btcusd"}' });
    insertSaved('none');
    expect(database().prepare("SELECT body FROM saved_requests WHERE id = 'none'").pluck().get()).toBeNull();
  });

  it('keeps names unique per account, refuses a row of no account, and goes with its account', () => {
    insertSaved('a1', { name: 'same' });
    expect(() => insertSaved('a2', { name: 'same' })).toThrow(/UNIQUE/);
    insertSaved('b1', { name: 'same', accountId: 'b' });
    expect(() => insertSaved('orphan', { accountId: 'nobody' })).toThrow(/FOREIGN KEY/);
    database().prepare("DELETE FROM accounts WHERE id = 'a'").run();
    expect(savedIds()).toEqual(['b1']);
  });
});
