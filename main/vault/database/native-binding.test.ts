import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';

// Node's build of the addon, the one `npm install` compiled; the app passes Electron's instead.
const nodeBuild = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('openDatabase with an explicit native binding', () => {
  const dirs: string[] = [];
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'native-binding-'));
    dirs.push(dir);
    return join(dir, 'vault.db');
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('loads the addon from the given path and migrates the vault with it', () => {
    const db = openDatabase(tempFile(), undefined, { nativeBinding: nodeBuild });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('fails to open when the path holds no addon, so the option is not ignored', () => {
    expect(() => openDatabase(tempFile(), undefined, { nativeBinding: '/nonexistent/better_sqlite3.node' })).toThrow();
  });
});
