import type { Migration } from './migration';

// What was done with which key: never a signature, secret, cookie or body. Rows outlive the
// key or account they name, so the references are plain text, not foreign keys.
export const migration0005: Migration = {
  version: 5,
  name: 'audit-log',
  sql: `
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      action TEXT NOT NULL,
      account_id TEXT,
      key_id TEXT,
      kid TEXT,
      method TEXT,
      path TEXT,
      status INTEGER,
      outcome TEXT
    ) STRICT;
    CREATE INDEX audit_log_at ON audit_log (at);
  `,
};
