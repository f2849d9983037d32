import { describe, expect, it } from 'vitest';
import { freshDatabaseAtVersionPerTest, isStrict, tableNames } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(1);

const insertWrap = (kind: string, createdAt: unknown = 1) =>
  database().prepare('INSERT INTO key_wraps (kind, wrapped, params, created_at) VALUES (?, ?, ?, ?)').run(kind, Buffer.of(1, 2), '{}', createdAt);
const insertFailures = (id: number, count: number) => database().prepare('INSERT INTO unlock_failures (id, count, last_at) VALUES (?, ?, 0)').run(id, count);

describe('migration 0001: key wraps', () => {
  it('creates STRICT key_wraps and unlock_failures', () => {
    expect(tableNames(database())).toEqual(['key_wraps', 'unlock_failures']);
    expect(isStrict(database(), 'key_wraps')).toBe(true);
    expect(isStrict(database(), 'unlock_failures')).toBe(true);
  });

  it('keeps one wrap per kind, of the two known kinds, with typed columns', () => {
    insertWrap('passphrase');
    insertWrap('keychain');
    expect(() => insertWrap('passphrase')).toThrow(/UNIQUE/);
    expect(() => insertWrap('plaintext')).toThrow(/CHECK/);
    expect(() => insertWrap('keychain', 'yesterday')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => database().prepare("INSERT INTO key_wraps (kind, wrapped, params, created_at) VALUES ('keychain', NULL, '{}', 1)").run()).toThrow(/NOT NULL/);
  });

  it('holds a single failure counter that cannot go negative', () => {
    insertFailures(1, 3);
    expect(() => insertFailures(2, 0)).toThrow(/CHECK/);
    expect(() => database().prepare('UPDATE unlock_failures SET count = -1').run()).toThrow(/CHECK/);
  });
});
