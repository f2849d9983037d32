import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from './logger';

// Unix permission bits; Windows has only a read-only flag, and the user profile's ACL guards the file.
const permissions = (path: string) => statSync(path).mode & 0o777;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'barong-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('createFileLogger', () => {
  it('creates the log readable and writable by its owner only', () => {
    const path = join(dir, 'main.log');
    createFileLogger(path).info('app.start');
    expect(permissions(path)).toBe(0o600);
  });

  it('takes back a log another program left readable by others, keeping its lines', () => {
    const path = join(dir, 'main.log');
    writeFileSync(path, '{"event":"earlier"}\n');
    chmodSync(path, 0o644);
    createFileLogger(path, () => 0).warn('vault.unlock_failed', { attempts: 2 });
    expect(permissions(path)).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(
      '{"event":"earlier"}\n{"at":"1970-01-01T00:00:00.000Z","level":"warn","event":"vault.unlock_failed","attempts":2}\n',
    );
  });
});
