import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPathInArgv, isBackupFile } from './backup-path';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'barong-opened-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, 'encrypted bytes');
  return path;
}

describe('isBackupFile', () => {
  it('takes an existing regular file named *.barongvault, whatever the case of the extension', () => {
    expect(isBackupFile(file('monday.barongvault'))).toBe(true);
    expect(isBackupFile(file('MONDAY.BarongVault'))).toBe(true);
  });

  it('refuses other names, missing files and folders', () => {
    expect(isBackupFile(file('notes.txt'))).toBe(false);
    expect(isBackupFile(file('monday.barongvault.txt'))).toBe(false);
    expect(isBackupFile(join(dir, 'missing.barongvault'))).toBe(false);
    const folder = join(dir, 'folder.barongvault');
    mkdirSync(folder);
    expect(isBackupFile(folder)).toBe(false);
  });
});

describe('backupPathInArgv', () => {
  it('finds the backup after a packaged app executable', () => {
    const backup = file('monday.barongvault');
    expect(backupPathInArgv(['/opt/Barong Vault/barong-vault', backup], '/')).toBe(backup);
  });

  it("skips Electron's own arguments and Chromium's switches, in development and from a second instance", () => {
    const backup = file('monday.barongvault');
    const argv = ['/usr/lib/electron/electron', '--allow-file-access-from-files', '.', `--flag=${backup}`, backup, '--original-process-start-time=1'];
    expect(backupPathInArgv(argv, dir)).toBe(backup);
  });

  it('resolves a relative path from the directory the command ran in', () => {
    const backup = file('monday.barongvault');
    expect(backupPathInArgv(['barong-vault', 'monday.barongvault'], dir)).toBe(backup);
    expect(backupPathInArgv(['barong-vault', 'monday.barongvault'], tmpdir())).toBeUndefined();
  });

  it('takes the first backup and passes over arguments that are not one', () => {
    const first = file('first.barongvault');
    file('second.barongvault');
    const argv = ['barong-vault', file('readme.txt'), join(dir, 'gone.barongvault'), first, join(dir, 'second.barongvault')];
    expect(backupPathInArgv(argv, dir)).toBe(first);
  });

  it('answers nothing for a plain start', () => {
    expect(backupPathInArgv(['/opt/Barong Vault/barong-vault'], dir)).toBeUndefined();
    expect(backupPathInArgv([], dir)).toBeUndefined();
  });
});
