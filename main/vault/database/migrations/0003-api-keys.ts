import type { Migration } from './migration';

export const migration0003: Migration = {
  version: 3,
  name: 'api-keys',
  sql: `
    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      kid TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      algorithm TEXT NOT NULL DEFAULT 'HS256' CHECK (algorithm = 'HS256'),
      scopes TEXT NOT NULL DEFAULT '[]',
      remote_state TEXT NOT NULL DEFAULT 'unknown'
        CHECK (remote_state IN ('active', 'disabled', 'inactive', 'deleted_remotely', 'unknown')),
      origin TEXT NOT NULL CHECK (origin IN ('created', 'imported')),
      secret BLOB NOT NULL,
      created_at INTEGER NOT NULL,
      last_used_at INTEGER,
      UNIQUE (account_id, kid)
    ) STRICT;
    CREATE INDEX api_keys_kid ON api_keys (kid);
  `,
};
