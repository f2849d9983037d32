import type { Migration } from './migration';

// Requests the trader saved under a name, per account: the method, path, query pairs and JSON
// body as the signer would send them. Nothing secret, but a body may hold an order's details.
// Each row carries a MAC like accounts and keys (see SealedRows): one edited outside the app is
// refused, not signed again. Names are unique per account; they go with their account.
export const migration0009: Migration = {
  version: 9,
  name: 'saved-requests',
  sql: `
    CREATE TABLE saved_requests (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('GET', 'POST', 'PUT', 'PATCH', 'DELETE')),
      path TEXT NOT NULL,
      query TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(query)),
      body TEXT CHECK (body IS NULL OR json_valid(body)),
      created_at INTEGER NOT NULL,
      mac BLOB NOT NULL,
      UNIQUE (account_id, name)
    ) STRICT;
  `,
};
