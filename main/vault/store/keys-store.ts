import type { Database, Statement } from 'better-sqlite3';
import { DEFAULT_POLICY } from '../../../app/domain/agent-policy';
import type { KeyPolicy } from '../../../app/domain/agent-policy';
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
  policy: StoredPolicy;
}

/** A key's policy as stored: the JSON of the policy the owner set, or null for one never set (DEFAULT_POLICY). */
export type StoredPolicy = string | null;

export const storedPolicy = (policy: KeyPolicy): string => JSON.stringify(policy);
// The JSON was written from a checked policy, and the key's MAC covers it: read where the MAC was checked.
export const policyOf = (stored: StoredPolicy): KeyPolicy => (stored === null ? DEFAULT_POLICY : (JSON.parse(stored) as KeyPolicy));

/** What a key's MAC covers, with its account's origin: which key it is, where it signs, what it may do. */
export type KeyIdentity = Pick<ApiKey, 'id' | 'accountId' | 'kid' | 'label' | 'scopes' | 'remoteState' | 'origin'> & { policy: StoredPolicy };

/** A key as stored, with its sealed secret and its MAC. */
export interface SealedKeyRow extends KeyIdentity {
  secret: Buffer;
  mac: Buffer | null;
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

const COLUMNS = 'id, account_id, kid, label, algorithm, scopes, remote_state, origin, created_at, last_used_at, policy';

const SEALED_COLUMNS = 'id, account_id AS accountId, kid, label, scopes, remote_state AS remoteState, origin, policy, secret, mac';
const toSealed = (row: Omit<SealedKeyRow, 'scopes'> & { scopes: string }): SealedKeyRow => ({ ...row, scopes: JSON.parse(row.scopes) as string[] });

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
  policy: policyOf(row.policy),
});

/** SQL for API keys; callers validate input, seal secrets and hold the transaction. */
export class KeysStore {
  private readonly db: Database;
  // A key's first signature after unlock reads its row: one prepared statement, not one per call.
  private readonly sealedStatement: Statement<[string], Omit<SealedKeyRow, 'scopes'> & { scopes: string }>;

  constructor(db: Database) {
    this.db = db;
    this.sealedStatement = db.prepare(`SELECT ${SEALED_COLUMNS} FROM api_keys WHERE id = ?`);
  }

  insert(row: NewKeyRow, mac: Buffer): void {
    this.db
      .prepare(
        `INSERT INTO api_keys (id, account_id, kid, label, scopes, remote_state, origin, secret, created_at, mac)
         VALUES (@id, @accountId, @kid, @label, @scopes, @remoteState, @origin, @secret, @createdAt, @mac)`,
      )
      .run({ ...row, scopes: JSON.stringify(row.scopes), mac });
  }

  restore(row: RestoredKeyRow, mac: Buffer): void {
    this.db
      .prepare(
        `INSERT INTO api_keys (id, account_id, kid, label, scopes, remote_state, origin, secret, created_at, last_used_at, mac)
         VALUES (@id, @accountId, @kid, @label, @scopes, @remoteState, @origin, @secret, @createdAt, @lastUsedAt, @mac)`,
      )
      .run({ ...row, scopes: JSON.stringify(row.scopes), mac });
  }

  exists(accountId: string, kid: string): boolean {
    return this.db.prepare('SELECT 1 FROM api_keys WHERE account_id = ? AND kid = ?').get(accountId, kid) !== undefined;
  }

  get(id: string): ApiKey | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`).get(id) as KeyRow | undefined;
    return row && toKey(row);
  }

  sealedRow(id: string): SealedKeyRow | undefined {
    const row = this.sealedStatement.get(id);
    return row && toSealed(row);
  }

  idByKid(accountId: string, kid: string): string | undefined {
    return this.db.prepare('SELECT id FROM api_keys WHERE account_id = ? AND kid = ?').pluck().get(accountId, kid) as string | undefined;
  }

  /** Every key, or an account's keys, as stored, each account's in the order of its key list. */
  sealedRows(accountId?: string): SealedKeyRow[] {
    const rows = (
      accountId === undefined
        ? this.db.prepare(`SELECT ${SEALED_COLUMNS} FROM api_keys ORDER BY created_at, kid`).all()
        : this.db.prepare(`SELECT ${SEALED_COLUMNS} FROM api_keys WHERE account_id = ? ORDER BY created_at, kid`).all(accountId)
    ) as Array<Omit<SealedKeyRow, 'scopes'> & { scopes: string }>;
    return rows.map(toSealed);
  }

  setSeal(id: string, secret: Buffer, mac: Buffer): void {
    this.db.prepare('UPDATE api_keys SET secret = ?, mac = ? WHERE id = ?').run(secret, mac, id);
  }

  listByAccount(accountId: string): ApiKey[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE account_id = ? ORDER BY created_at, kid`).all(accountId) as KeyRow[];
    return rows.map(toKey);
  }

  /** Label, scopes and remote state, with the MAC that covers them. */
  update(id: string, fields: { label: string; scopes: string[]; remoteState: RemoteState }, mac: Buffer): boolean {
    return (
      this.db
        .prepare('UPDATE api_keys SET label = ?, scopes = ?, remote_state = ?, mac = ? WHERE id = ?')
        .run(fields.label, JSON.stringify(fields.scopes), fields.remoteState, mac, id).changes === 1
    );
  }

  /** The policy, with the MAC that covers it. */
  setPolicy(id: string, policy: string, mac: Buffer): void {
    this.db.prepare('UPDATE api_keys SET policy = ?, mac = ? WHERE id = ?').run(policy, mac, id);
  }

  touch(id: string, at: number): void {
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM api_keys WHERE id = ?').run(id).changes === 1;
  }
}
