// Bundles the Electron main process and the preload into out/ (`npm run build:main`).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// Electron 45 runs Node 22 and Chromium 142.
const shared = { bundle: true, sourcemap: false, legalComments: 'none', logLevel: 'warning', metafile: true, absWorkingDir: ROOT };

/**
 * Writes `<outDir>/main/index.js` and `<outDir>/preload/index.cjs`. Main is ESM like the project;
 * electron and better-sqlite3 stay outside (the addon is native code, loaded from its own build).
 * The preload is CommonJS with everything but electron inlined: a sandboxed preload cannot load
 * ES modules or require anything beyond a few of Electron's own modules.
 */
export async function buildMain(outDir = join(ROOT, 'out')) {
  const main = await build({
    ...shared,
    entryPoints: [join(ROOT, 'main', 'index.ts')],
    outfile: join(outDir, 'main', 'index.js'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    // Bundled CommonJS code may call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  });
  const preload = await build({
    ...shared,
    entryPoints: [join(ROOT, 'main', 'preload', 'index.ts')],
    outfile: join(outDir, 'preload', 'index.cjs'),
    platform: 'browser',
    format: 'cjs',
    target: 'chrome142',
    external: ['electron'],
  });
  return { main: main.metafile, preload: preload.metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildMain();
