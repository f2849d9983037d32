import type { Migration } from './migration';

// A count of changes to accounts and keys, kept by the file itself: every writer moves it (this
// app, `barong-vault` in another process, an edit from outside through SQLite), and nothing else
// does. The signing agent keeps the keys it read until it moves (changeStampOf); its own audit
// rows, committed every 50 ms while it signs, must not make it read 10,000 keys again each time.
export const migration0010: Migration = {
  version: 10,
  name: 'key-changes',
  sql: `
    CREATE TABLE key_changes (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      count INTEGER NOT NULL
    ) STRICT;
    INSERT INTO key_changes (id, count) VALUES (1, 0);
    CREATE TRIGGER accounts_inserted AFTER INSERT ON accounts BEGIN UPDATE key_changes SET count = count + 1; END;
    CREATE TRIGGER accounts_updated AFTER UPDATE ON accounts BEGIN UPDATE key_changes SET count = count + 1; END;
    CREATE TRIGGER accounts_deleted AFTER DELETE ON accounts BEGIN UPDATE key_changes SET count = count + 1; END;
    CREATE TRIGGER api_keys_inserted AFTER INSERT ON api_keys BEGIN UPDATE key_changes SET count = count + 1; END;
    CREATE TRIGGER api_keys_updated AFTER UPDATE ON api_keys BEGIN UPDATE key_changes SET count = count + 1; END;
    CREATE TRIGGER api_keys_deleted AFTER DELETE ON api_keys BEGIN UPDATE key_changes SET count = count + 1; END;
  `,
};
