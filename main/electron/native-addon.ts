import { join } from 'node:path';

/** better-sqlite3 compiled for Electron's ABI, by `npm run build:native-electron`; Node's build stays in node_modules. */
export const ELECTRON_ADDON = join('build', 'native', 'electron', 'better_sqlite3.node');

/**
 * The Electron build of the addon for an app at `appPath`. In a packaged app that path is the
 * app.asar archive, from which no native library can be loaded: the addon ships beside it in
 * app.asar.unpacked (electron-builder's asarUnpack).
 */
export function electronAddonPath(appPath: string): string {
  return join(appPath.replace(/app\.asar$/, 'app.asar.unpacked'), ELECTRON_ADDON);
}
