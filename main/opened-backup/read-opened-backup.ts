import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { BACKUP_BASE64_MAX_CHARS } from '../../app/contract/channels';
import type { EventPayload } from '../../app/contract/events';
import type { Logger } from '../logging/logger';

export type OpenedBackup = EventPayload<'backup.opened'>;

/** The largest file whose base64 the import channel still takes: anything bigger could never be imported. */
export const MAX_BACKUP_BYTES = (BACKUP_BASE64_MAX_CHARS / 4) * 3;

/**
 * Reads a backup opened from the computer for the renderer's import form: the name only (the
 * folder may say whose computer it is) and the content, which is encrypted. A file too large or
 * unreadable is logged with its size or error code, never its content or path, and yields nothing.
 */
export async function readOpenedBackup(path: string, logger: Logger): Promise<OpenedBackup | undefined> {
  try {
    const file = await open(path, 'r');
    try {
      // The size of the file opened, not of the path looked at earlier: it may have been replaced.
      const { size } = await file.stat();
      if (size > MAX_BACKUP_BYTES) {
        logger.warn('backup.open_refused', { reason: 'too_large', bytes: size, maxBytes: MAX_BACKUP_BYTES });
        return undefined;
      }
      const content = await file.readFile();
      logger.info('backup.opened', { bytes: content.length });
      return { fileName: basename(path), contentBase64: content.toString('base64') };
    } finally {
      await file.close();
    }
  } catch (error) {
    logger.warn('backup.open_failed', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    return undefined;
  }
}
