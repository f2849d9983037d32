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

/** The audit log: append and read back, newest first. */
export class AuditStore {
  private readonly db: Database;
  // Prepared once: the signing agent appends a row for every signature.
  private readonly insert: Statement;
  private appended = 0;

  constructor(db: Database) {
    this.db = db;
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, action, account_id, key_id, kid, method, path, status, outcome)
       VALUES (@at, @action, @accountId, @keyId, @kid, @method, @path, @status, @outcome)`,
    );
  }

  /** Rows this store has appended on its connection: the vault's change stamp leaves them out. */
  get rowsAppended(): number {
    return this.appended;
  }

  append(entry: NewAuditEntry): void {
    this.insert.run(entry);
    // Counted once the row is in: a failed insert changes nothing.
    this.appended += 1;
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
