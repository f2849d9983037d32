import { chmodSync, closeSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrate';
import type { Migration } from './migrations/migration';

export const OWNER_ONLY = 0o600;

export interface DatabaseOptions {
  /**
   * better-sqlite3's compiled addon to load instead of its default build. The app passes the
   * build for Electron's ABI, kept apart from the Node build that tests and the CLI load.
   */
  nativeBinding?: string;
}

/**
 * Opens (or creates) a vault database readable by its owner only, with the settings the design
 * asks for, and migrates it. SQLite gives the -wal and -shm files the mode of the main file.
 */
export function openDatabase(path: string, migrations?: readonly Migration[], options: DatabaseOptions = {}): Database {
  closeSync(openSync(path, 'a', OWNER_ONLY));
  chmodSync(path, OWNER_ONLY);
  const db = new BetterSqlite3(path, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  try {
    // FULL: a key the exchange created must survive a power cut once the write returned.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    migrate(db, migrations);
    // After migrate: switching to WAL rewrites the file header, and a file from a newer app must
    // be refused untouched.
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A value that moves whenever another connection commits (`data_version`: another process, an
 * edit from outside) or this one changes a row other than an audit row (`total_changes()` less
 * the audit rows it appended): what was read of accounts and keys may be kept while it stays the
 * same. The audit rows the signing agent commits every 50 ms while it signs leave it alone, or a
 * vault of 10,000 keys would read and check them all again each time.
 */
export function changeStampOf(db: Database, auditRowsAppended: () => number): () => string {
  // One statement for both: the signing agent asks at every look at the keys.
  const stamp = db.prepare('SELECT data_version, total_changes() FROM pragma_data_version').raw();
  return () => {
    const [version, changes] = stamp.get() as [number, number];
    return `${version}:${changes - auditRowsAppended()}`;
  };
}
