import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The extension the installers associate with the app (electron-builder.yml, fileAssociations). */
const BACKUP_EXTENSION = '.barongvault';

/** Whether a path the OS handed over is a backup the app should open: an existing regular file named `*.barongvault`. */
export function isBackupFile(path: string): boolean {
  if (!path.toLowerCase().endsWith(BACKUP_EXTENSION)) return false;
  // A folder named x.barongvault, a missing file or one that cannot be reached is not opened.
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The backup a command line asks the app to open, on Windows and Linux, where the OS starts the
 * app with the file's path among the arguments (after the executable, and in development after
 * Electron's own `.`; Chromium adds `--switches` of its own). A relative path is taken from the
 * directory the command was started in. The first backup wins.
 */
export function backupPathInArgv(argv: readonly string[], workingDirectory: string): string | undefined {
  return argv
    .filter((arg) => !arg.startsWith('-'))
    .map((arg) => resolve(workingDirectory, arg))
    .find(isBackupFile);
}
