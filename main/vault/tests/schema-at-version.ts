import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { migrate } from '../database/migrate';
import { MIGRATIONS } from '../database/migrations';

/** A database file at schema `version`: the first `version` migrations applied, as an older app left it. */
export function databaseAtVersion(path: string, version: number): Database {
  const db = new BetterSqlite3(path);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, version));
  return db;
}

export const tableNames = (db: Database): string[] =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];

/** The schema as SQLite stores it: every table and index with its SQL. */
export const schemaOf = (db: Database) => db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

/** STRICT as written in the CREATE statement and as SQLite reports it. */
export function isStrict(db: Database, table: string): boolean {
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined;
  const listed = db.pragma(`table_list(${table})`) as Array<{ strict: number }>;
  return /\)\s*STRICT\s*$/i.test(sql ?? '') && listed[0]?.strict === 1;
}

export const userVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/** For a test file: a fresh database file at `version` for each test, closed and removed after it. */
export function freshDatabaseAtVersionPerTest(version: number): () => Database {
  let dir = '';
  let db: Database | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'barong-vault-'));
    db = databaseAtVersion(join(dir, 'vault.db'), version);
  });
  afterEach(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => db ?? raise('No database: only use it inside a test.');
}

const raise = (message: string): never => {
  throw new Error(message);
};
