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
 * A value that moves whenever an account or a key changes, whoever writes them (migration 10's
 * triggers count them in the file): what was read of them may be kept while it stays the same.
 * The audit rows the signing agent commits while it signs leave it alone.
 */
export function changeStampOf(db: Database): () => number {
  // Prepared once: the signing agent asks at every look at the keys.
  const stamp = db.prepare('SELECT count FROM key_changes').pluck();
  return () => stamp.get() as number;
}
