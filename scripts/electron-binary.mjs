import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MISSING_ELECTRON = "Electron's binary is not installed: it is downloaded on first run on a machine with internet; run npm start there";

/**
 * The Electron executable, found as the electron package finds it, or null when it was never
 * downloaded. `require('electron')` cannot be used to ask: when the binary is missing it starts
 * the download itself, which on this project's machines fails with a stack trace.
 */
export function electronBinary(root) {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, executable ?? 'electron') : executable && join(packageDir, 'dist', executable);
  return candidate && existsSync(candidate) ? candidate : null;
}
