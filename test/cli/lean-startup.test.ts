import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.mjs';

// Startup is timed by npm run bench (docs/ARCHITECTURE.md, "Performance"); this checks what makes
// it fast: `--version` and `sign` load none of the bundled libraries (zod alone costs more than half
// a bare node's start) and no command but their own.

interface Loaded {
  sources: string[];
  /** Packages imported at run time: better-sqlite3, the one left outside the bundle. */
  packages: string[];
}

/** What a process runs when it starts from `output`: its static imports, transitively; dynamic ones wait until called. */
function loadedBy(metafile: Metafile, outputs: string[]): Loaded {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (!imported.external) visit(imported.path);
      else if (!imported.path.startsWith('node:') && !builtinModules.includes(imported.path)) packages.add(imported.path);
    }
  };
  outputs.forEach(visit);
  return { sources: [...seen].flatMap((path) => Object.keys(metafile.outputs[path]?.inputs ?? {})), packages: [...packages] };
}

function outputOf(metafile: Metafile, entryPoint: string): string {
  const found = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === entryPoint);
  if (!found) throw new Error(`The build has no output for ${entryPoint}.`);
  return found[0];
}

describe('what the built CLI loads to start', () => {
  let dist: string;
  let metafile: Metafile;
  let entry: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'cli-build-'));
    metafile = await buildCli(dist);
    entry = outputOf(metafile, 'cli/bin/barong-vault.ts');
  });

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('--version: the entry alone, with no command and no library', () => {
    const loaded = loadedBy(metafile, [entry]);
    expect(loaded.sources).toContain('cli/main.ts');
    expect(loaded.sources.filter((source) => source.startsWith('cli/commands/'))).toEqual([]);
    expect(loaded.sources.filter((source) => source.includes('node_modules/'))).toEqual([]);
    expect(loaded.packages).toEqual([]);
  });

  it('sign: its own code and nothing bundled from node_modules (zod, otplib, ws) or the native addon', () => {
    const loaded = loadedBy(metafile, [entry, outputOf(metafile, 'cli/commands/sign.ts')]);
    expect(loaded.sources).toContain('app/barong/signature.ts');
    expect(loaded.sources.filter((source) => source.startsWith('cli/commands/'))).toEqual(['cli/commands/sign.ts']);
    expect(loaded.sources.filter((source) => source.includes('node_modules/'))).toEqual([]);
    expect(loaded.packages).toEqual([]);
  });
});
