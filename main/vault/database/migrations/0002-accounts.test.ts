import { describe, expect, it } from 'vitest';
import { freshDatabaseAtVersionPerTest, isStrict, tableNames } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(2);

const insertAccount = (id: string, fields: Record<string, unknown> = {}) =>
  database()
    .prepare(
      `INSERT INTO accounts (id, name, base_url, nonce_lifetime_ms, sort_order, totp_seed, created_at, updated_at)
       VALUES (@id, @name, @baseUrl, @nonceLifetimeMs, @sortOrder, @totpSeed, 1, 1)`,
    )
    .run({ id, name: 'A', baseUrl: 'https://a.example', nonceLifetimeMs: 5000, sortOrder: 0, totpSeed: null, ...fields });

describe('migration 0002: accounts', () => {
  it('adds a STRICT accounts table and its sort index', () => {
    expect(tableNames(database())).toEqual(['accounts', 'key_wraps', 'unlock_failures']);
    expect(isStrict(database(), 'accounts')).toBe(true);
    expect(database().prepare("SELECT tbl_name FROM sqlite_schema WHERE name = 'accounts_sort_order'").pluck().get()).toBe('accounts');
  });

  it('defaults the nonce lifetime to 5 s and refuses a lifetime that is not positive', () => {
    database().prepare("INSERT INTO accounts (id, name, base_url, sort_order, created_at, updated_at) VALUES ('d', 'D', 'https://d.example', 0, 1, 1)").run();
    expect(database().prepare("SELECT nonce_lifetime_ms FROM accounts WHERE id = 'd'").pluck().get()).toBe(5000);
    expect(() => insertAccount('zero', { nonceLifetimeMs: 0 })).toThrow(/CHECK/);
    expect(() => insertAccount('negative', { nonceLifetimeMs: -1 })).toThrow(/CHECK/);
  });

  it('requires a name, stores the 2FA seed as a BLOB only, and keeps ids unique', () => {
    insertAccount('a', { totpSeed: Buffer.of(1, 2, 3) });
    expect(() => insertAccount('a')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insertAccount('b', { name: null })).toThrow(/NOT NULL/);
    expect(() => insertAccount('c', { totpSeed: 'JBSWY3DPEHPK3PXP' })).toThrow(/cannot store TEXT value in BLOB column/);
  });
});
