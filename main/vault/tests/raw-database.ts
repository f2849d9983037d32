import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';

/**
 * A second connection to a vault file, the way another program (or an attacker with the file)
 * would see and edit it, bypassing the vault's code.
 */
export function withRawDatabase<T>(path: string, use: (db: Database) => T): T {
  const db = new BetterSqlite3(path);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

export function flipBit(bytes: Buffer, byteIndex: number, bit = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[byteIndex] = (copy[byteIndex] ?? 0) ^ (1 << bit);
  return copy;
}

/** Every row of every table, in a stable order: compared before and after to prove nothing changed. */
export function dumpTables(db: Database, except: string[] = []): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.filter((name) => !except.includes(name)).map((name) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
