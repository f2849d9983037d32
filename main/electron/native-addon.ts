import { join } from 'node:path';

/** better-sqlite3 compiled for Electron's ABI, by `npm run build:native-electron`; Node's build stays in node_modules. */
export const ELECTRON_ADDON = join('build', 'native', 'electron', 'better_sqlite3.node');

/** Where better-sqlite3 keeps its addon, which electron-builder rebuilds for Electron when packaging (npmRebuild). */
export const PACKAGED_ADDON = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/**
 * The Electron build of the addon for an app at `appPath`. Started from the project (`npm start`),
 * it is the one npm run build:native-electron made, since node_modules holds Node's build for the
 * tests. In a packaged app `appPath` is the app.asar archive, from which no native library can be
 * loaded: node_modules there holds the rebuilt addon, unpacked beside it in app.asar.unpacked
 * (electron-builder's asarUnpack).
 */
export function electronAddonPath(appPath: string): string {
  return /app\.asar$/.test(appPath) ? join(appPath.replace(/app\.asar$/, 'app.asar.unpacked'), PACKAGED_ADDON) : join(appPath, ELECTRON_ADDON);
}
