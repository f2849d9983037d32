import type { Database, Statement } from 'better-sqlite3';
import type { AuditEntry } from '../records';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

interface AuditRow {
  id: number;
  at: number;
  action: string;
  account_id: string | null;
  key_id: string | null;
  kid: string | null;
  method: string | null;
  path: string | null;
  status: number | null;
  outcome: string | null;
}

/** The columns an appended row fills, in the order of its values. */
const COLUMNS = 'at, action, account_id, key_id, kid, method, path, status, outcome';
const valuesOf = (entry: NewAuditEntry) => [
  entry.at,
  entry.action,
  entry.accountId,
  entry.keyId,
  entry.kid,
  entry.method,
  entry.path,
  entry.status,
  entry.outcome,
];
/** Rows one statement appends at once, for the signing agent's batches. */
const ROWS_PER_STATEMENT = 50;
const insertOf = (rows: number) => `INSERT INTO audit_log (${COLUMNS}) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;

/** The audit log: append and read back, newest first. */
export class AuditStore {
  private readonly db: Database;
  // Prepared once: the signing agent appends a row for every signature, a batch at a time, and a
  // statement of many rows costs little more than one of a single row.
  private readonly insertOne: Statement;
  private readonly insertMany: Statement;
  private appended = 0;

  constructor(db: Database) {
    this.db = db;
    this.insertOne = db.prepare(insertOf(1));
    this.insertMany = db.prepare(insertOf(ROWS_PER_STATEMENT));
  }

  /** Rows this store has appended on its connection: the vault's change stamp leaves them out. */
  get rowsAppended(): number {
    return this.appended;
  }

  /** Appends the rows in order; the caller holds the transaction that makes them all or none. */
  append(entries: readonly NewAuditEntry[]): void {
    let at = 0;
    for (; entries.length - at >= ROWS_PER_STATEMENT; at += ROWS_PER_STATEMENT)
      this.insertMany.run(entries.slice(at, at + ROWS_PER_STATEMENT).flatMap(valuesOf));
    for (; at < entries.length; at += 1) this.insertOne.run(valuesOf(entries[at] as NewAuditEntry));
    // Counted once the rows are in: a failed insert changes nothing.
    this.appended += entries.length;
  }

  list(limit: number, beforeId?: number): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?').all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      accountId: row.account_id,
      keyId: row.key_id,
      kid: row.kid,
      method: row.method,
      path: row.path,
      status: row.status,
      outcome: row.outcome,
    }));
  }
}
