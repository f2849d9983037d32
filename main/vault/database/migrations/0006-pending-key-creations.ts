import type { Migration } from './migration';

// Written before a create-key request is sent and cleared in the transaction that stores the
// answer, so a row still here after a restart is a creation whose secret may exist only on the
// exchange. It never holds a secret: only what the trader asked for.
export const migration0006: Migration = {
  version: 6,
  name: 'pending-key-creations',
  sql: `
    CREATE TABLE pending_key_creations (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      label TEXT NOT NULL DEFAULT '',
      scopes TEXT NOT NULL DEFAULT '[]',
      started_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX pending_key_creations_account ON pending_key_creations (account_id);
  `,
};
