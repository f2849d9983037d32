import type { Database } from 'better-sqlite3';
import type { PendingKeyCreation } from '../records';

interface PendingRow {
  id: string;
  account_id: string;
  label: string;
  scopes: string;
  started_at: number;
}

const toPending = (row: PendingRow): PendingKeyCreation => ({
  id: row.id,
  accountId: row.account_id,
  label: row.label,
  scopes: JSON.parse(row.scopes) as string[],
  startedAt: row.started_at,
});

const COLUMNS = 'id, account_id, label, scopes, started_at';

/** SQL for key creations sent to an exchange whose answer is not stored yet. */
export class PendingCreationsStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  insert(pending: PendingKeyCreation): void {
    this.db
      .prepare('INSERT INTO pending_key_creations (id, account_id, label, scopes, started_at) VALUES (@id, @accountId, @label, @scopes, @startedAt)')
      .run({ ...pending, scopes: JSON.stringify(pending.scopes) });
  }

  get(id: string): PendingKeyCreation | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM pending_key_creations WHERE id = ?`).get(id) as PendingRow | undefined;
    return row && toPending(row);
  }

  list(accountId?: string): PendingKeyCreation[] {
    const rows = (
      accountId === undefined
        ? this.db.prepare(`SELECT ${COLUMNS} FROM pending_key_creations ORDER BY started_at, id`).all()
        : this.db.prepare(`SELECT ${COLUMNS} FROM pending_key_creations WHERE account_id = ? ORDER BY started_at, id`).all(accountId)
    ) as PendingRow[];
    return rows.map(toPending);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM pending_key_creations WHERE id = ?').run(id).changes === 1;
  }
}
