import type { Database } from 'better-sqlite3';

/** Settings as name -> JSON value; the vault merges them over the defaults. */
export class SettingsStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  all(): Record<string, unknown> {
    const rows = this.db.prepare('SELECT name, value FROM settings').all() as Array<{ name: string; value: string }>;
    return Object.fromEntries(rows.map((row) => [row.name, JSON.parse(row.value) as unknown]));
  }

  put(values: Record<string, unknown>): void {
    const statement = this.db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
    for (const [name, value] of Object.entries(values)) statement.run(name, JSON.stringify(value));
  }
}
