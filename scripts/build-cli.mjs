// Bundles the `barong-vault` command into plain JavaScript (`npm run build:cli`; also run by `npm ci`
// through `prepare`, by `npm pack`, and before the tests by test/support/build-cli-setup.ts).
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI_ENTRY = 'barong-vault.js';

const CLI_SOURCES = join(ROOT, 'cli') + sep;
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

/**
 * Says that the .js files of its folder are CommonJS: the repository's package.json says "module",
 * for the sources and the app's own build.
 */
const commonJsMarker = (dir) => ({ path: join(dir, 'package.json'), contents: Buffer.from('{ "type": "commonjs" }\n') });

const shared = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  // CommonJS, not ES modules: Node 20 starts a program of ES modules about 7 ms later than the same
  // in CommonJS, a tenth of a bare node's start, which a timed `sign` is measured against.
  format: 'cjs',
  // Each import() becomes a require() made when it is reached, so what it loads waits until then.
  supported: { 'dynamic-import': false },
  target: 'node20',
  // A native addon, loaded from its own build in node_modules.
  external: ['better-sqlite3'],
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
};

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
 * Each part of the CLI that its code loads on demand (a command from cli/main.ts, a subcommand, sign's
 * agent client) becomes a bundle of its own, commands/NAME.js, loaded only when called: a command
 * starts with three files (entry, core, itself), however many commands the CLI has. `parts` gathers
 * them, name to source, as the builds find them.
 */
const partsApart = (parts, dirs, fromDir) => ({
  name: 'parts-apart',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(CLI_SOURCES)) return undefined;
      const source = join(args.resolveDir, `${args.path}.ts`);
      if (!source.startsWith(CLI_SOURCES)) return undefined;
      const name = basename(args.path);
      if (parts.has(name) && parts.get(name) !== source)
        throw new Error(`Two parts of the CLI load on demand are called ${name}: ${parts.get(name)} and ${source}.`);
      parts.set(name, source);
      return { path: importPath(fromDir, join(dirs.commands, `${name}.js`)), external: true };
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
 * commands/NAME.js for each part of the CLI loaded on demand, which the package ships; and
 * `<distDir>/sandbox/command-line.js`.
 * Returns the builds' metafiles as one.
 */
export async function buildCli(distDir = join(ROOT, 'dist')) {
  const dirs = layout(distDir);
  const parts = new Map();
  const results = await Promise.all([
    build({
      ...shared,
      entryPoints: [join(ROOT, 'cli', 'bin', 'barong-vault.ts')],
      outfile: join(dirs.cli, CLI_ENTRY),
      plugins: [partsApart(parts, dirs, dirs.cli), importsOf('core', SHARED_MODULES, dirs.core, dirs.cli)],
    }),
    build({
      ...shared,
      stdin: { contents: SHARED_MODULES.map((file) => `export * from ${JSON.stringify(file)};`).join('\n'), resolveDir: ROOT, loader: 'ts' },
      outfile: dirs.core,
    }),
    build({ ...shared, entryPoints: [SANDBOX], outfile: dirs.sandbox, plugins: [importsOf('core', SHARED_MODULES, dirs.core, dirname(dirs.sandbox))] }),
  ]);
  // A part may load parts of its own (`keys` its subcommands): built in rounds until none is new.
  const built = new Set();
  for (let round = [...parts]; round.length > 0; round = [...parts].filter(([name]) => !built.has(name))) {
    round.forEach(([name]) => built.add(name));
    results.push(
      ...(await Promise.all(
        round.map(([name, source]) =>
          build({
            ...shared,
            entryPoints: [source],
            outfile: join(dirs.commands, `${name}.js`),
            plugins: [
              partsApart(parts, dirs, dirs.commands),
              importsOf('core', SHARED_MODULES, dirs.core, dirs.commands),
              importsOf('sandbox', [SANDBOX], dirs.sandbox, dirs.commands),
            ],
          }),
        ),
      )),
    );
  }
  writeOutputs([...results.flatMap((result) => result.outputFiles), commonJsMarker(dirs.cli), commonJsMarker(dirname(dirs.sandbox))]);
  return {
    inputs: Object.assign({}, ...results.map((result) => result.metafile.inputs)),
    outputs: Object.assign({}, ...results.map((result) => result.metafile.outputs)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
