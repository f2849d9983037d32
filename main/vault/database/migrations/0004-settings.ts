import type { Migration } from './migration';

// One row per setting, the value as JSON, so a new setting needs no migration.
export const migration0004: Migration = {
  version: 4,
  name: 'settings',
  sql: `
    CREATE TABLE settings (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
