// Bundles the `barong-vault` command into plain JavaScript (`npm run build:cli`; also run by `npm ci`
// through `prepare`, by `npm pack`, and before the tests by test/support/build-cli-setup.ts).
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_ENTRY = 'barong-vault.js';

// The sandbox is a development tool: it is built beside the CLI, where `barong-vault sandbox` finds
// it in a checkout, and the published package leaves it out (package.json "files").
const SANDBOX_SOURCE = /^\.\.\/\.\.\/sandbox\/command-line$/;
// Every file of dist/cli/ sits at the same depth (no chunk folder), so one relative path reaches it.
const SANDBOX_FROM_CLI = '../sandbox/command-line.js';

const shared = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // A native addon, loaded from its own build in node_modules.
  external: ['better-sqlite3'],
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
  // Bundled CommonJS code (ws) may call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
};

const sandboxOutside = {
  name: 'sandbox-outside-the-cli',
  setup(build) {
    build.onResolve({ filter: SANDBOX_SOURCE }, () => ({ path: SANDBOX_FROM_CLI, external: true }));
  },
};

/**
 * Each file is written beside its place and renamed over it, and files of an earlier build are
 * removed after: a CLI started meanwhile (another test run in the same tree) reads whole files.
 */
function writeOutputs(outDirs, outputFiles) {
  for (const dir of outDirs) mkdirSync(dir, { recursive: true });
  for (const file of outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    if (basename(file.path) === CLI_ENTRY) chmodSync(temporary, 0o755);
    renameSync(temporary, file.path);
  }
  const written = new Set(outputFiles.map((file) => file.path));
  for (const dir of outDirs) {
    for (const name of readdirSync(dir)) if (!written.has(join(dir, name)) && !name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Writes `<distDir>/cli/barong-vault.js` with its chunks (what the package ships) and
 * `<distDir>/sandbox/command-line.js`. Code splitting keeps each command in its own chunks, loaded
 * on demand by cli/main.ts, so that `sign` pays only for its own code. The sandbox is built in the
 * same run so that what it shares with the CLI is one module, in dist/cli/: an AppError it throws
 * is the class cli/main.ts knows.
 */
export async function buildCli(distDir = join(ROOT, 'dist')) {
  const { metafile, outputFiles } = await build({
    ...shared,
    entryPoints: {
      [`cli/${CLI_ENTRY.replace(/\.js$/, '')}`]: join(ROOT, 'cli', 'bin', 'barong-vault.ts'),
      'sandbox/command-line': join(ROOT, 'sandbox', 'command-line.ts'),
    },
    outdir: distDir,
    chunkNames: 'cli/[name]-[hash]',
    splitting: true,
    plugins: [sandboxOutside],
  });
  writeOutputs([join(distDir, 'cli'), join(distDir, 'sandbox')], outputFiles);
  return metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
