import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT } from '../../scripts/build-cli.mjs';

// Startup is timed by npm run bench (docs/ARCHITECTURE.md, "Performance"); this checks what makes
// it fast: `--version` and `sign` load few files, none of the bundled libraries (zod alone costs more
// than half a bare node's start) and no command but their own.

interface Loaded {
  files: string[];
  sources: string[];
  /** Packages imported at run time: better-sqlite3 is the one left outside the bundles. */
  packages: string[];
}

/** What a process runs when it starts from `outputs`: their static imports, transitively; dynamic ones wait until called. */
function loadedBy(metafile: Metafile, outputs: string[]): Loaded {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      // The bundles reach each other by relative paths, which esbuild lists as external.
      if (imported.path.startsWith('.')) visit(normalize(join(dirname(output), imported.path)));
      else if (!imported.path.startsWith('node:') && !builtinModules.includes(imported.path)) packages.add(imported.path);
    }
  };
  outputs.forEach(visit);
  return {
    files: [...seen],
    sources: [...seen].flatMap((output) => Object.keys(metafile.outputs[output]?.inputs ?? {})),
    packages: [...packages],
  };
}

describe('what the built CLI loads to start', () => {
  let dist: string;
  let metafile: Metafile;
  const output = (path: string) => relative(ROOT, join(dist, path));

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'cli-build-'));
    metafile = await buildCli(dist);
  });

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('--version: the entry and the error core, with no command and no library', () => {
    const loaded = loadedBy(metafile, [output('cli/barong-vault.js')]);
    expect(loaded.files.sort()).toEqual([output('cli/barong-vault.js'), output('cli/core.js')]);
    expect(loaded.sources).toContain('cli/main.ts');
    expect(loaded.sources.filter((source) => source.startsWith('cli/commands/'))).toEqual([]);
    expect(loaded.sources.filter((source) => source.includes('node_modules/'))).toEqual([]);
    expect(loaded.packages).toEqual([]);
  });

  it('sign: its own code and nothing bundled from node_modules (zod, otplib, ws) or the native addon', () => {
    const loaded = loadedBy(metafile, [output('cli/barong-vault.js'), output('cli/commands/sign.js')]);
    expect(loaded.files).toHaveLength(3);
    expect(loaded.sources).toContain('app/barong/signature.ts');
    expect(loaded.sources.filter((source) => source.startsWith('cli/commands/'))).toEqual(['cli/commands/sign.ts']);
    expect(loaded.sources.filter((source) => source.includes('node_modules/'))).toEqual([]);
    expect(loaded.packages).toEqual([]);
  });
});
