import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT } from '../../scripts/build-cli.mjs';
import { runProcess } from '../support/run-process';

// Startup is timed by npm run bench (docs/ARCHITECTURE.md, "Performance"); this checks what makes
// it fast: `--version` and `sign` load few files, none of the bundled libraries (zod alone costs more
// than half a bare node's start) and no command but their own. It asks the running process, not the
// build: a part loaded on demand and one loaded at start are both a require() in the bundle.

/** Preloaded into the CLI's process: at exit, it writes the path of every module the process loaded. */
const RECORD_LOADED = `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_FILE, JSON.stringify(Object.keys(require.cache))));\n`;

const KID = '61d025b8573501c2';
const SECRET = '2d0b4979c7fe6986daa8e21d1dc0644f';

interface Loaded {
  /** The built files, relative to the build folder. */
  files: string[];
  sources: string[];
  /** Files loaded from node_modules: better-sqlite3 is the one package left outside the bundles. */
  packages: string[];
}

describe('what the built CLI loads to start', () => {
  let dist: string;
  let metafile: Metafile;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'cli-build-'));
    metafile = await buildCli(dist);
    writeFileSync(join(dist, 'record-loaded.cjs'), RECORD_LOADED);
  });

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  const loadedBy = async (args: string[]): Promise<Loaded> => {
    const loadedFile = join(dist, 'loaded.json');
    const run = await runProcess(process.execPath, ['--require', join(dist, 'record-loaded.cjs'), join(dist, 'cli', 'barong-vault.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', LOADED_FILE: loadedFile, BARONG_KID: KID, BARONG_SECRET: SECRET },
    });
    expect(run).toMatchObject({ code: 0 });
    const modules = (JSON.parse(readFileSync(loadedFile, 'utf8')) as string[]).filter((path) => !path.endsWith('record-loaded.cjs'));
    const files = modules.filter((path) => path.startsWith(dist)).map((path) => relative(dist, path));
    return {
      files: files.sort(),
      sources: files.flatMap((file) => Object.keys(metafile.outputs[relative(ROOT, join(dist, file))]?.inputs ?? {})),
      packages: modules.filter((path) => path.includes('node_modules')),
    };
  };

  it('--version: the entry and the error core, with no command and no library', async () => {
    const loaded = await loadedBy(['--version']);
    expect(loaded.files).toEqual(['cli/barong-vault.js', 'cli/core.js']);
    expect(loaded.sources).toContain('cli/main.ts');
    expect(loaded.sources.filter((source) => source.startsWith('cli/commands/'))).toEqual([]);
    expect(loaded.sources.filter((source) => source.includes('node_modules/'))).toEqual([]);
    expect(loaded.packages).toEqual([]);
  });

  it('sign: its own code and nothing bundled from node_modules (zod, otplib, ws) or the native addon', async () => {
    const loaded = await loadedBy(['sign', '--format', 'headers', 'GET', '/api/v2/peatio/account/balances']);
    expect(loaded.files).toEqual(['cli/barong-vault.js', 'cli/commands/sign.js', 'cli/core.js']);
    expect(loaded.sources).toContain('app/barong/signature.ts');
    expect(loaded.sources.filter((source) => source.startsWith('cli/commands/'))).toEqual(['cli/commands/sign.ts']);
    expect(loaded.sources.filter((source) => source.includes('node_modules/'))).toEqual([]);
    expect(loaded.packages).toEqual([]);
  });

  it('keys --help: its own file only, not the subcommands it names, which hold the vault and zod', async () => {
    const loaded = await loadedBy(['keys', '--help']);
    expect(loaded.files).toEqual(['cli/barong-vault.js', 'cli/commands/keys.js', 'cli/core.js']);
    expect(loaded.sources.filter((source) => source.includes('node_modules/'))).toEqual([]);
  });
});
