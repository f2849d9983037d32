import type { Migration } from './migration';

// What local programs may sign with each key (a KeyPolicy as JSON). NULL is a policy the owner
// never set: DEFAULT_POLICY, no agent use. Existing keys stay NULL, so the MACs an older vault
// wrote still hold (a key's MAC covers its policy once it has one; see SealedRows).
export const migration0008: Migration = {
  version: 8,
  name: 'key-policies',
  sql: `
    ALTER TABLE api_keys ADD COLUMN policy TEXT CHECK (policy IS NULL OR json_valid(policy));
  `,
};
