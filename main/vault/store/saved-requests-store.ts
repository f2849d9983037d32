import type { Database } from 'better-sqlite3';
import type { JsonValue } from '../../../app/commands/request';
import type { SavedRequest } from '../records';

/**
 * A saved request as stored: the query and body as their JSON text, which the row's MAC covers
 * as written, with the MAC itself.
 */
export interface SealedSavedRequestRow {
  id: string;
  accountId: string;
  name: string;
  method: SavedRequest['request']['method'];
  path: string;
  /** JSON of the [name, value] pairs. */
  query: string;
  /** JSON of the body, or null for none. */
  body: string | null;
  savedAt: number;
  mac: Buffer;
}

/** What a saved request's MAC covers: every column but the MAC. */
export type SavedRequestIdentity = Omit<SealedSavedRequestRow, 'mac'>;

const SEALED_COLUMNS = 'id, account_id AS accountId, name, method, path, query, body, created_at AS savedAt, mac';

/** The row as the rest of the app sees it. The JSON was written from checked input and the row's MAC covers it: read where the MAC was checked. */
export function toSavedRequest(row: SavedRequestIdentity): SavedRequest {
  const query = JSON.parse(row.query) as Array<[string, string]>;
  const request: SavedRequest['request'] = { method: row.method, path: row.path, query };
  if (row.body !== null) request.body = JSON.parse(row.body) as JsonValue;
  return { id: row.id, accountId: row.accountId, name: row.name, request, savedAt: row.savedAt };
}

/** SQL for saved requests; callers validate input, compute MACs and hold the transaction. */
export class SavedRequestsStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Writes the row, or replaces the account's row of the same name (keeping that row's id, which must be the one given). */
  put(row: SavedRequestIdentity, mac: Buffer): void {
    this.db
      .prepare(
        `INSERT INTO saved_requests (id, account_id, name, method, path, query, body, created_at, mac)
         VALUES (@id, @accountId, @name, @method, @path, @query, @body, @savedAt, @mac)
         ON CONFLICT (account_id, name) DO UPDATE SET
           method = excluded.method, path = excluded.path, query = excluded.query, body = excluded.body,
           created_at = excluded.created_at, mac = excluded.mac`,
      )
      .run({ ...row, mac });
  }

  sealedRow(id: string): SealedSavedRequestRow | undefined {
    return this.db.prepare(`SELECT ${SEALED_COLUMNS} FROM saved_requests WHERE id = ?`).get(id) as SealedSavedRequestRow | undefined;
  }

  /** The account's saved request of this name, if any. */
  sealedRowNamed(accountId: string, name: string): SealedSavedRequestRow | undefined {
    return this.db.prepare(`SELECT ${SEALED_COLUMNS} FROM saved_requests WHERE account_id = ? AND name = ?`).get(accountId, name) as
      SealedSavedRequestRow | undefined;
  }

  /** The account's saved requests by name (case aside), or every one of them when no account is given. */
  sealedRows(accountId?: string): SealedSavedRequestRow[] {
    const order = 'ORDER BY name COLLATE NOCASE, name';
    return (
      accountId === undefined
        ? this.db.prepare(`SELECT ${SEALED_COLUMNS} FROM saved_requests ${order}`).all()
        : this.db.prepare(`SELECT ${SEALED_COLUMNS} FROM saved_requests WHERE account_id = ? ${order}`).all(accountId)
    ) as SealedSavedRequestRow[];
  }

  count(accountId: string): number {
    return this.db.prepare('SELECT COUNT(*) FROM saved_requests WHERE account_id = ?').pluck().get(accountId) as number;
  }

  setMac(id: string, mac: Buffer): void {
    this.db.prepare('UPDATE saved_requests SET mac = ? WHERE id = ?').run(mac, id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM saved_requests WHERE id = ?').run(id).changes === 1;
  }
}
