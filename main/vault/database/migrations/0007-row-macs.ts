import type { Migration } from './migration';

// Each account and key row gets a MAC over the fields that say what it is and where it signs,
// under a key derived from the vault key. Rows of an older vault have none until the first
// unlock with that vault's older wrap computes them (the key is needed; see SealedRows).
export const migration0007: Migration = {
  version: 7,
  name: 'row-macs',
  sql: `
    ALTER TABLE accounts ADD COLUMN mac BLOB;
    ALTER TABLE api_keys ADD COLUMN mac BLOB;
  `,
};
