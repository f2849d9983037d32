import { describe, expect, it } from 'vitest';
import { freshDatabaseAtVersionPerTest, isStrict } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(10);
const count = () => database().prepare('SELECT count FROM key_changes').pluck().get();
const run = (sql: string) => database().prepare(sql).run();

describe('migration 0010: the count of key changes', () => {
  it('adds a STRICT one-row key_changes table starting at 0, which takes no second row', () => {
    expect(isStrict(database(), 'key_changes')).toBe(true);
    expect(count()).toBe(0);
    expect(() => run('INSERT INTO key_changes (id, count) VALUES (2, 0)')).toThrow(/CHECK/);
  });

  it('counts every insert, update and delete of accounts and keys, cascades included, and nothing else', () => {
    run("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at) VALUES ('a', 'A', 'https://a.example', 0, 1, 1)");
    expect(count()).toBe(1);
    run("INSERT INTO api_keys (id, account_id, kid, origin, secret, created_at) VALUES ('k', 'a', 'kid', 'imported', x'01', 1)");
    expect(count()).toBe(2);
    run("UPDATE api_keys SET label = 'renamed' WHERE id = 'k'");
    run("UPDATE accounts SET name = 'B' WHERE id = 'a'");
    expect(count()).toBe(4);
    run("INSERT INTO audit_log (at, action) VALUES (1, 'agent-use')");
    run("INSERT INTO settings (name, value) VALUES ('theme', '\"dark\"')");
    expect(count()).toBe(4);
    // Deleting the account takes its key with it: both count.
    run("DELETE FROM accounts WHERE id = 'a'");
    expect(database().prepare('SELECT COUNT(*) FROM api_keys').pluck().get()).toBe(0);
    expect(count()).toBe(6);
  });
});
