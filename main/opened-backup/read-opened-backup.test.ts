import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogFields } from '../logging/logger';
import { MAX_BACKUP_BYTES, readOpenedBackup } from './read-opened-backup';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'barong-opened-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function recordingLogger() {
  const lines: Array<{ level: string; event: string; fields: LogFields | undefined }> = [];
  return {
    lines,
    info: (event: string, fields?: LogFields) => lines.push({ level: 'info', event, fields }),
    warn: (event: string, fields?: LogFields) => lines.push({ level: 'warn', event, fields }),
  };
}

describe('readOpenedBackup', () => {
  it('answers the file name without its folder and the content as base64', async () => {
    const content = Buffer.from([0, 1, 2, 250, 251, 252, 255]);
    const path = join(dir, 'monday.barongvault');
    writeFileSync(path, content);
    const logger = recordingLogger();
    expect(await readOpenedBackup(path, logger)).toEqual({ fileName: 'monday.barongvault', contentBase64: content.toString('base64') });
    expect(logger.lines).toEqual([{ level: 'info', event: 'backup.opened', fields: { bytes: 7 } }]);
  });

  it('fits the import channel: a file at the cap is 64 MB of base64', () => {
    expect(Buffer.alloc(MAX_BACKUP_BYTES).toString('base64').length).toBe(64 * 1024 * 1024);
  });

  it('refuses a file over the cap with a warning that holds its size only', async () => {
    const path = join(dir, 'huge.barongvault');
    writeFileSync(path, 'secret-looking head');
    // Sparse: the test writes no 48 MB.
    truncateSync(path, MAX_BACKUP_BYTES + 1);
    const logger = recordingLogger();
    expect(await readOpenedBackup(path, logger)).toBeUndefined();
    expect(logger.lines).toEqual([
      { level: 'warn', event: 'backup.open_refused', fields: { reason: 'too_large', bytes: MAX_BACKUP_BYTES + 1, maxBytes: MAX_BACKUP_BYTES } },
    ]);
  });

  it('logs the error code, not the path, of a file it cannot read', async () => {
    const logger = recordingLogger();
    expect(await readOpenedBackup(join(dir, 'gone.barongvault'), logger)).toBeUndefined();
    expect(logger.lines).toEqual([{ level: 'warn', event: 'backup.open_failed', fields: { code: 'ENOENT' } }]);
  });
});
