import type { Migration } from './migration';

// The vault key, wrapped by the passphrase and/or the OS keychain, and the count of wrong
// passphrases that slows the next try down (kept on disk so a restart does not reset it).
export const migration0001: Migration = {
  version: 1,
  name: 'key-wraps',
  sql: `
    CREATE TABLE key_wraps (
      kind TEXT PRIMARY KEY CHECK (kind IN ('passphrase', 'keychain')),
      wrapped BLOB NOT NULL,
      params TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE unlock_failures (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      count INTEGER NOT NULL CHECK (count >= 0),
      last_at INTEGER NOT NULL
    ) STRICT;
  `,
};
