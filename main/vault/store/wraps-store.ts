import type { Database } from 'better-sqlite3';
import type { KeyWrap } from '../crypto/key-wraps';
import type { ScryptParams } from '../crypto/passphrase-kdf';

interface WrapRow {
  kind: 'passphrase' | 'keychain';
  wrapped: Buffer;
  params: string;
}

/** The wrapped vault key(s) and the wrong-passphrase counter. */
export class WrapsStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  all(): KeyWrap[] {
    const rows = this.db.prepare('SELECT kind, wrapped, params FROM key_wraps ORDER BY kind').all() as WrapRow[];
    return rows.map((row) =>
      row.kind === 'passphrase'
        ? { kind: 'passphrase', wrapped: row.wrapped, params: JSON.parse(row.params) as ScryptParams }
        : { kind: 'keychain', wrapped: row.wrapped, backend: (JSON.parse(row.params) as { backend: string }).backend },
    );
  }

  put(wrap: KeyWrap, now: number): void {
    const params = wrap.kind === 'passphrase' ? wrap.params : { backend: wrap.backend };
    this.db
      .prepare(
        `INSERT INTO key_wraps (kind, wrapped, params, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind) DO UPDATE SET wrapped = excluded.wrapped, params = excluded.params, created_at = excluded.created_at`,
      )
      .run(wrap.kind, wrap.wrapped, JSON.stringify(params), now);
  }

  remove(kind: KeyWrap['kind']): void {
    this.db.prepare('DELETE FROM key_wraps WHERE kind = ?').run(kind);
  }

  failures(): { count: number; lastAt: number } {
    const row = this.db.prepare('SELECT count, last_at FROM unlock_failures WHERE id = 1').get() as { count: number; last_at: number } | undefined;
    return { count: row?.count ?? 0, lastAt: row?.last_at ?? 0 };
  }

  setFailures(count: number, lastAt: number): void {
    this.db
      .prepare(
        'INSERT INTO unlock_failures (id, count, last_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET count = excluded.count, last_at = excluded.last_at',
      )
      .run(count, lastAt);
  }
}
