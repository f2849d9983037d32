import type { Database, Statement } from 'better-sqlite3';
import type { ApiKey, KeyOrigin, RemoteState } from '../records';

interface KeyRow {
  id: string;
  account_id: string;
  kid: string;
  label: string;
  algorithm: 'HS256';
  scopes: string;
  remote_state: RemoteState;
  origin: KeyOrigin;
  created_at: number;
  last_used_at: number | null;
}

export interface NewKeyRow {
  id: string;
  accountId: string;
  kid: string;
  label: string;
  scopes: string[];
  remoteState: RemoteState;
  origin: KeyOrigin;
  secret: Buffer;
  createdAt: number;
}

/** A key coming back from a backup, with its own id and times. */
export interface RestoredKeyRow extends NewKeyRow {
  lastUsedAt: number | null;
}

const COLUMNS = 'id, account_id, kid, label, algorithm, scopes, remote_state, origin, created_at, last_used_at';

const toKey = (row: KeyRow): ApiKey => ({
  id: row.id,
  accountId: row.account_id,
  kid: row.kid,
  label: row.label,
  algorithm: row.algorithm,
  scopes: JSON.parse(row.scopes) as string[],
  remoteState: row.remote_state,
  origin: row.origin,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** SQL for API keys; callers validate input, seal secrets and hold the transaction. */
export class KeysStore {
  private readonly db: Database;
  // Signing reads a secret per signature: one prepared statement, not one per call.
  private readonly secretStatement: Statement<[string], { account_id: string; kid: string; secret: Buffer }>;

  constructor(db: Database) {
    this.db = db;
    this.secretStatement = db.prepare('SELECT account_id, kid, secret FROM api_keys WHERE id = ?');
  }

  insert(row: NewKeyRow): void {
    this.db
      .prepare(
        `INSERT INTO api_keys (id, account_id, kid, label, scopes, remote_state, origin, secret, created_at)
         VALUES (@id, @accountId, @kid, @label, @scopes, @remoteState, @origin, @secret, @createdAt)`,
      )
      .run({ ...row, scopes: JSON.stringify(row.scopes) });
  }

  restore(row: RestoredKeyRow): void {
    this.db
      .prepare(
        `INSERT INTO api_keys (id, account_id, kid, label, scopes, remote_state, origin, secret, created_at, last_used_at)
         VALUES (@id, @accountId, @kid, @label, @scopes, @remoteState, @origin, @secret, @createdAt, @lastUsedAt)`,
      )
      .run({ ...row, scopes: JSON.stringify(row.scopes) });
  }

  exists(accountId: string, kid: string): boolean {
    return this.db.prepare('SELECT 1 FROM api_keys WHERE account_id = ? AND kid = ?').get(accountId, kid) !== undefined;
  }

  get(id: string): ApiKey | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`).get(id) as KeyRow | undefined;
    return row && toKey(row);
  }

  sealedSecret(id: string): { accountId: string; kid: string; secret: Buffer } | undefined {
    const row = this.secretStatement.get(id);
    return row && { accountId: row.account_id, kid: row.kid, secret: row.secret };
  }

  sealedSecretByKid(accountId: string, kid: string): Buffer | undefined {
    return this.db.prepare('SELECT secret FROM api_keys WHERE account_id = ? AND kid = ?').pluck().get(accountId, kid) as Buffer | undefined;
  }

  listByAccount(accountId: string): ApiKey[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE account_id = ? ORDER BY created_at, kid`).all(accountId) as KeyRow[];
    return rows.map(toKey);
  }

  update(id: string, fields: { label: string; scopes: string[] }): boolean {
    return this.db.prepare('UPDATE api_keys SET label = ?, scopes = ? WHERE id = ?').run(fields.label, JSON.stringify(fields.scopes), id).changes === 1;
  }

  setRemoteState(id: string, state: RemoteState): boolean {
    return this.db.prepare('UPDATE api_keys SET remote_state = ? WHERE id = ?').run(state, id).changes === 1;
  }

  touch(id: string, at: number): void {
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM api_keys WHERE id = ?').run(id).changes === 1;
  }
}
