import { dirname, posix, resolve, win32 } from 'node:path';
import { VAULT_FILE } from '../main/core/vault-file';

/** What the app's data folder depends on, passed in so that every platform's answer can be tested on any. */
export interface DataDirContext {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
}

/** electron-builder.yml's productName: Electron names the app's data folder after it. */
const APP_FOLDER = 'Barong Vault';

/**
 * The app's data folder, where Electron's app.getPath('userData') puts it: the platform's folder
 * for application data, then the product's name. On Linux that is $XDG_CONFIG_HOME, which the
 * XDG spec says to ignore when relative (as the agent's socket does), or ~/.config.
 */
export function defaultDataDir({ platform, env, homedir }: DataDirContext): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(homedir, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', APP_FOLDER);
  const config = env.XDG_CONFIG_HOME && posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : posix.join(homedir, '.config');
  return posix.join(config, APP_FOLDER);
}

/** The vault file a command works on: `--vault FILE` when given (its folder is the data folder), else the app's own. */
export function vaultLocation(flag: string | undefined, context: DataDirContext): { file: string; dataDir: string } {
  if (flag !== undefined) {
    const file = resolve(flag);
    return { file, dataDir: dirname(file) };
  }
  const dataDir = defaultDataDir(context);
  return { file: (context.platform === 'win32' ? win32 : posix).join(dataDir, VAULT_FILE), dataDir };
}
