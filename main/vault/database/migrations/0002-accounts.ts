import type { Migration } from './migration';

export const migration0002: Migration = {
  version: 2,
  name: 'accounts',
  sql: `
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      base_url TEXT NOT NULL,
      nonce_lifetime_ms INTEGER NOT NULL DEFAULT 5000 CHECK (nonce_lifetime_ms > 0),
      login_email TEXT,
      notes TEXT,
      color TEXT,
      sort_order INTEGER NOT NULL,
      totp_seed BLOB,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX accounts_sort_order ON accounts (sort_order);
  `,
};
