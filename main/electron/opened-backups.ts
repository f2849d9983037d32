import { app as electronApp } from 'electron';
import type { Logger } from '../logging/logger';
import { backupPathInArgv, isBackupFile } from '../opened-backup/backup-path';
import { readOpenedBackup } from '../opened-backup/read-opened-backup';

interface OpenFileApp {
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

interface AppPage {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
  once(event: 'did-finish-load', listener: () => void): unknown;
}

export interface OpenedBackups {
  /** Windows and Linux: the backup a command line names, this process's own or a second start's. */
  fromArgv(argv: readonly string[], workingDirectory: string): Promise<void>;
  /** The page that gets each opened backup as `backup.opened`, once it has loaded. */
  sendTo(page: AppPage, logger: Logger): void;
}

/**
 * Backups opened from the computer (double-click, Open With), passed to the renderer's import
 * form. A file that launched the app arrives before there is a page to listen: it waits, as a
 * path, until the page has loaded, and is read only then. A later file replaces one still waiting.
 */
export function receiveOpenedBackups(app: OpenFileApp = electronApp): OpenedBackups {
  let page: { contents: AppPage; logger: Logger; loaded: boolean } | undefined;
  let waitingPath: string | undefined;

  const deliver = async () => {
    if (waitingPath === undefined || !page?.loaded) return;
    const path = waitingPath;
    const { contents, logger } = page;
    waitingPath = undefined;
    const backup = await readOpenedBackup(path, logger);
    if (backup && !contents.isDestroyed()) contents.send('backup.opened', backup);
  };
  const open = (path: string | undefined) => {
    if (path === undefined) return Promise.resolve();
    waitingPath = path;
    return deliver();
  };

  // macOS sends files by event, before `ready` too when one launched the app. preventDefault says
  // the app took it; any other file is left unhandled, so that macOS tells the trader it cannot open it.
  app.on('open-file', (event, path) => {
    if (!isBackupFile(path)) return;
    event.preventDefault();
    void open(path);
  });

  return {
    fromArgv: (argv, workingDirectory) => open(backupPathInArgv(argv, workingDirectory)),
    sendTo: (contents, logger) => {
      const target = { contents, logger, loaded: false };
      page = target;
      contents.once('did-finish-load', () => {
        target.loaded = true;
        void deliver();
      });
    },
  };
}
