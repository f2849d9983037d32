import type { Database } from 'better-sqlite3';
import type { Account, AccountSummary, KeyName } from '../records';

interface AccountRow {
  id: string;
  name: string;
  base_url: string;
  nonce_lifetime_ms: number;
  login_email: string | null;
  notes: string | null;
  color: string | null;
  sort_order: number;
  has_totp_seed: number;
  created_at: number;
  updated_at: number;
}

export type AccountFields = Pick<Account, 'name' | 'baseUrl' | 'nonceLifetimeMs' | 'loginEmail' | 'notes' | 'color'>;

/** What an account's MAC covers: who it is and where its keys sign. */
export type AccountIdentity = Pick<Account, 'id' | 'name' | 'baseUrl' | 'nonceLifetimeMs' | 'loginEmail'>;

/** An account as stored, with its sealed 2FA seed and its MAC. */
export interface SealedAccountRow extends AccountIdentity {
  totpSeed: Buffer | null;
  mac: Buffer | null;
}

/** An account coming back from a backup, with its own id, order, times and sealed 2FA seed. */
export interface RestoredAccountRow extends AccountFields {
  id: string;
  sortOrder: number;
  totpSeed: Buffer | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `id, name, base_url, nonce_lifetime_ms, login_email, notes, color, sort_order,
  totp_seed IS NOT NULL AS has_totp_seed, created_at, updated_at`;

const SEALED_COLUMNS = 'id, name, base_url AS baseUrl, nonce_lifetime_ms AS nonceLifetimeMs, login_email AS loginEmail, totp_seed AS totpSeed, mac';

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  name: row.name,
  baseUrl: row.base_url,
  nonceLifetimeMs: row.nonce_lifetime_ms,
  loginEmail: row.login_email,
  notes: row.notes,
  color: row.color,
  sortOrder: row.sort_order,
  hasTotpSeed: row.has_totp_seed === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** SQL for exchange accounts; callers validate input and hold the transaction. */
export class AccountsStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  insert(id: string, fields: AccountFields, mac: Buffer, now: number): void {
    const { next } = this.db.prepare('SELECT COALESCE(MAX(sort_order), -1) + 1 AS next FROM accounts').get() as { next: number };
    this.db
      .prepare(
        `INSERT INTO accounts (id, name, base_url, nonce_lifetime_ms, login_email, notes, color, sort_order, created_at, updated_at, mac)
         VALUES (@id, @name, @baseUrl, @nonceLifetimeMs, @loginEmail, @notes, @color, @sortOrder, @now, @now, @mac)`,
      )
      .run({ id, ...fields, sortOrder: next, now, mac });
  }

  restore(row: RestoredAccountRow, mac: Buffer): void {
    this.db
      .prepare(
        `INSERT INTO accounts (id, name, base_url, nonce_lifetime_ms, login_email, notes, color, sort_order, totp_seed, created_at, updated_at, mac)
         VALUES (@id, @name, @baseUrl, @nonceLifetimeMs, @loginEmail, @notes, @color, @sortOrder, @totpSeed, @createdAt, @updatedAt, @mac)`,
      )
      .run({ ...row, mac });
  }

  update(id: string, fields: AccountFields, mac: Buffer, now: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE accounts SET name = @name, base_url = @baseUrl, nonce_lifetime_ms = @nonceLifetimeMs, login_email = @loginEmail,
           notes = @notes, color = @color, updated_at = @now, mac = @mac WHERE id = @id`,
        )
        .run({ id, ...fields, now, mac }).changes === 1
    );
  }

  sealedRow(id: string): SealedAccountRow | undefined {
    return this.db.prepare(`SELECT ${SEALED_COLUMNS} FROM accounts WHERE id = ?`).get(id) as SealedAccountRow | undefined;
  }

  /** Every account as stored, in the trader's order. */
  sealedRows(): SealedAccountRow[] {
    return this.db.prepare(`SELECT ${SEALED_COLUMNS} FROM accounts ORDER BY sort_order, created_at`).all() as SealedAccountRow[];
  }

  setSeal(id: string, totpSeed: Buffer | null, mac: Buffer): void {
    this.db.prepare('UPDATE accounts SET totp_seed = ?, mac = ? WHERE id = ?').run(totpSeed, mac, id);
  }

  setSortOrder(id: string, sortOrder: number): void {
    this.db.prepare('UPDATE accounts SET sort_order = ? WHERE id = ?').run(sortOrder, id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes === 1;
  }

  get(id: string): Account | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`).get(id) as AccountRow | undefined;
    return row && toAccount(row);
  }

  ids(): string[] {
    return this.db.prepare('SELECT id FROM accounts ORDER BY sort_order').pluck().all() as string[];
  }

  /** Every account in list order with the names of its keys: two queries, whatever the count of accounts. */
  listWithKeyNames(): AccountSummary[] {
    const accounts = this.db.prepare(`SELECT ${COLUMNS} FROM accounts ORDER BY sort_order, created_at`).all() as AccountRow[];
    const keys = this.db.prepare('SELECT account_id, kid, label, last_used_at FROM api_keys ORDER BY created_at, kid').all() as Array<{
      account_id: string;
      kid: string;
      label: string;
      last_used_at: number | null;
    }>;
    const byAccount = new Map<string, KeyName[]>(accounts.map((row) => [row.id, []]));
    const lastUse = new Map<string, number>();
    for (const { account_id, kid, label, last_used_at } of keys) {
      byAccount.get(account_id)?.push({ kid, label });
      if (last_used_at !== null && last_used_at > (lastUse.get(account_id) ?? -1)) lastUse.set(account_id, last_used_at);
    }
    return accounts.map((row) => ({ ...toAccount(row), keys: byAccount.get(row.id) ?? [], lastUsedAt: lastUse.get(row.id) ?? null }));
  }

  totpSeed(id: string): Buffer | null | undefined {
    const row = this.db.prepare('SELECT totp_seed FROM accounts WHERE id = ?').get(id) as { totp_seed: Buffer | null } | undefined;
    return row?.totp_seed;
  }

  setTotpSeed(id: string, sealed: Buffer | null, now: number): boolean {
    return this.db.prepare('UPDATE accounts SET totp_seed = ?, updated_at = ? WHERE id = ?').run(sealed, now, id).changes === 1;
  }
}
