// Bundles the `barong-vault` command into plain JavaScript (`npm run build:cli`; also run by `npm ci`
// through `prepare`, by `npm pack`, and before the tests by test/support/build-cli-setup.ts).
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI_ENTRY = 'barong-vault.js';

const CLI_MAIN = join(ROOT, 'cli', 'main.ts');
const SANDBOX = join(ROOT, 'sandbox', 'command-line.ts');

/**
 * The modules every bundle shares as one file, dist/cli/core.js: cli/main.ts tells a trader's error
 * from a crash by `instanceof AppError`, so there is one AppError class, whichever bundle throws it.
 */
const SHARED_MODULES = [join(ROOT, 'app', 'app-error.ts'), join(ROOT, 'app', 'errors', 'codes.ts')];

const layout = (distDir) => ({
  cli: join(distDir, 'cli'),
  commands: join(distDir, 'cli', 'commands'),
  core: join(distDir, 'cli', 'core.js'),
  // A development tool: built beside the CLI, where `barong-vault sandbox` finds it in a checkout,
  // and left out of the published package (package.json "files").
  sandbox: join(distDir, 'sandbox', 'command-line.js'),
});

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
};

// Bundled CommonJS code (ws) may call require(), which an ES module lacks: a build that holds some
// is made again with one. The others do without: loading node:module is time sign need not spend.
const REQUIRE = "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

async function bundle(options) {
  const result = await build(options);
  const holdsCommonJs = Object.values(result.metafile.inputs).some((input) => input.format === 'cjs');
  return holdsCommonJs ? build({ ...options, banner: { js: REQUIRE } }) : result;
}

const importPath = (fromDir, file) => {
  const path = relative(fromDir, file).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
};

/** Imports of `files` (source paths, without extension as the code writes them) become imports of `output`. */
const importsOf = (name, files, output, fromDir) => ({
  name,
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = join(args.resolveDir, args.path);
      return files.some((file) => file === target || file === `${target}.ts`) ? { path: importPath(fromDir, output), external: true } : undefined;
    });
  },
});

/**
 * Each command cli/main.ts loads on demand becomes a bundle of its own, loaded only when called: a
 * command starts with three files (entry, core, itself), however many commands the CLI has.
 * Splitting all commands in one build would share code between them in chunks, one per set of
 * commands that use it, and Node 20 takes about a millisecond for each ES module it loads.
 */
const commandsApart = (commands, dirs) => ({
  name: 'commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.importer !== CLI_MAIN || args.kind !== 'dynamic-import') return undefined;
      const source = join(args.resolveDir, `${args.path}.ts`);
      commands.set(basename(args.path), source);
      return { path: importPath(dirs.cli, join(dirs.commands, `${basename(args.path)}.js`)), external: true };
    });
  },
});

/**
 * Each file is written beside its place and renamed over it, and files of an earlier build are
 * removed after: a CLI started meanwhile (another test run in the same tree) reads whole files.
 */
function writeOutputs(outputFiles) {
  const dirs = new Set(outputFiles.map((file) => dirname(file.path)));
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  for (const file of outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    if (basename(file.path) === CLI_ENTRY) chmodSync(temporary, 0o755);
    renameSync(temporary, file.path);
  }
  const written = new Set(outputFiles.map((file) => file.path));
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isFile() && !written.has(path) && !entry.name.endsWith('.tmp')) rmSync(path, { force: true });
    }
  }
}

/**
 * Writes `<distDir>/cli/`: barong-vault.js (cli/main.ts), core.js (SHARED_MODULES) and
 * commands/<name>.js with a file for each part a command loads on demand, which the package ships;
 * and `<distDir>/sandbox/command-line.js`.
 * Returns the builds' metafiles as one.
 */
export async function buildCli(distDir = join(ROOT, 'dist')) {
  const dirs = layout(distDir);
  const commands = new Map();
  const entry = await bundle({
    ...shared,
    entryPoints: [join(ROOT, 'cli', 'bin', 'barong-vault.ts')],
    outfile: join(dirs.cli, CLI_ENTRY),
    plugins: [commandsApart(commands, dirs), importsOf('core', SHARED_MODULES, dirs.core, dirs.cli)],
  });
  const results = await Promise.all([
    bundle({
      ...shared,
      stdin: { contents: SHARED_MODULES.map((file) => `export * from ${JSON.stringify(file)};`).join('\n'), resolveDir: ROOT, loader: 'ts' },
      outfile: dirs.core,
    }),
    // One build per command, split so that what a command imports on demand (sign's agent client)
    // waits in a file of its own until it is needed.
    ...[...commands].map(([name, source]) =>
      bundle({
        ...shared,
        entryPoints: { [name]: source },
        outdir: dirs.commands,
        splitting: true,
        plugins: [importsOf('core', SHARED_MODULES, dirs.core, dirs.commands), importsOf('sandbox', [SANDBOX], dirs.sandbox, dirs.commands)],
      }),
    ),
    bundle({ ...shared, entryPoints: [SANDBOX], outfile: dirs.sandbox, plugins: [importsOf('core', SHARED_MODULES, dirs.core, dirname(dirs.sandbox))] }),
    entry,
  ]);
  writeOutputs(results.flatMap((result) => result.outputFiles));
  return {
    inputs: Object.assign({}, ...results.map((result) => result.metafile.inputs)),
    outputs: Object.assign({}, ...results.map((result) => result.metafile.outputs)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
