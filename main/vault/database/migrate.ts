import type { Database } from 'better-sqlite3';
import { VaultError } from '../vault-error';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

export interface MigrationResult {
  from: number;
  to: number;
}

/**
 * Brings the schema to the newest version in one transaction, so a failure leaves the file as it
 * was. A file from a newer app is refused rather than half understood.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new VaultError(
      'vault.newer_version',
      `This vault was written by a newer Barong Vault (database version ${from}; this one knows up to ${latest}). Update the app to open it.`,
    );
  }
  const pending = migrations.filter((migration) => migration.version > from);
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to: Math.max(from, latest) };
}
