import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSES } from '../../build/fuses.mjs';
import { electronAddonPath } from '../../main/electron/native-addon';
import { ROOT, buildMain } from '../../scripts/build-main.mjs';
import { runProcess } from '../support/run-process';
import { makeStandInElectron } from './stand-in-electron';

// What a working tree holds besides the project itself; a clean clone has none of it.
const NOT_COPIED = ['node_modules', '.git', 'out', 'release', 'test-results', 'playwright-report', 'coverage', join('build', 'native')];
const RUNTIME_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];
const SOURCE_MAP_DECOY = join('out', 'main', 'index.js.map');

type Place = (source: string, target: string) => void;

/** A hard link where the temporary folder shares the project's file system; a copy elsewhere. */
const linkOrCopy: Place = (source, target) => {
  try {
    linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(source, target);
  }
};

/** Copies a folder, except NOT_COPIED; files other tests create and delete in the project meanwhile may be gone. */
function copyTree(from: string, to: string, place: Place): void {
  const whenStillThere = (copy: () => void) => {
    try {
      copy();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  mkdirSync(to, { recursive: true });
  whenStillThere(() => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (NOT_COPIED.includes(relative(ROOT, source))) continue;
      if (entry.isDirectory()) copyTree(source, target, place);
      else if (entry.isSymbolicLink()) whenStillThere(() => symlinkSync(readlinkSync(source), target));
      else if (entry.isFile()) whenStillThere(() => place(source, target));
    }
  });
}

/**
 * The project as a clean clone has it (sources, tests, sandbox, tooling), with the main, preload
 * and renderer built into out/ and the installed node_modules, so that whatever the packed app
 * lacks was left out by electron-builder.yml rather than missing here. node_modules is a real
 * tree of hard links, not a symbolic link: npm, which electron-builder asks for the production
 * dependencies, takes a linked node_modules for a set of local packages.
 */
async function stageProject(project: string): Promise<void> {
  copyTree(ROOT, project, copyFileSync);
  copyTree(join(ROOT, 'node_modules'), join(project, 'node_modules'), linkOrCopy);
  await buildMain(join(project, 'out'));
  const vite = await runProcess(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'],
    { cwd: project },
  );
  if (vite.code !== 0) throw new Error(`The renderer build failed:\n${vite.stdout}\n${vite.stderr}`);
  // Nothing in out/ has a source map today; one placed there must still stay out of the app.
  writeFileSync(join(project, SOURCE_MAP_DECOY), '{"version":3,"sources":[],"mappings":""}');
}

describe('the app that `npm run dist -- --linux dir` packs', () => {
  let work: string;
  let resources: string;
  let executable: string;
  let asar: string;
  let files: string[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'packed-app-'));
    const project = join(work, 'project');
    await stageProject(project);
    const electronDist = makeStandInElectron(join(work, 'electron'));
    // electronDist: Electron's zip comes from the internet. npmRebuild: so do Electron's headers,
    // which rebuilding better-sqlite3 needs; its Node build is packed instead. Everything else is
    // electron-builder.yml as it stands, the afterPack hook included.
    const builder = await runProcess(
      process.execPath,
      [join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--linux', 'dir', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false'],
      { cwd: project },
    );
    if (builder.code !== 0) throw new Error(`electron-builder failed (${builder.code}):\n${builder.stdout}\n${builder.stderr}`);
    const appOutDir = join(project, 'release', 'linux-unpacked');
    resources = join(appOutDir, 'resources');
    executable = join(appOutDir, 'barong-vault');
    asar = join(resources, 'app.asar');
    files = listPackage(asar, { isPack: false }).map((path) => path.split(sep).join('/').replace(/^\//, ''));
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the built main, preload and renderer and package.json', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']));
    const html = extractFile(asar, 'out/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => `out/renderer/${match[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(assets));
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(files).toContain(manifest.main);
  });

  it('holds every package the main bundle imports', () => {
    const main = extractFile(asar, 'out/main/index.js').toString('utf8');
    const imported = new Set([...main.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?"([^"]+)";$/gm)].map((match) => match[1] as string));
    const packages = [...imported].filter((name) => !name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron');
    expect(packages).toEqual(['better-sqlite3']);
    for (const name of packages) expect(files).toContain(`node_modules/${name}/package.json`);
  });

  it('holds no sources, tests, sandbox, docs, scripts, build resources or source maps: only out/, package.json and node_modules', () => {
    expect(new Set(files.map((path) => path.split('/')[0]))).toEqual(new Set(['out', 'package.json', 'node_modules']));
    expect(files.filter((path) => /\.(ts|tsx|mts|cts|map)$/.test(path))).toEqual([]);
    expect(files).not.toContain(SOURCE_MAP_DECOY.split(sep).join('/'));
    expect(files.filter((path) => path.startsWith('out/') && !/^out\/(main|preload|renderer)(\/|$)/.test(path))).toEqual([]);
  });

  it('holds better-sqlite3 and what its code requires, and no other package: no dev dependencies, tsx, bundled libraries or .bin', () => {
    const packages = new Set(files.filter((path) => path.startsWith('node_modules/')).map((path) => path.split('/')[1]));
    expect([...packages].sort()).toEqual(RUNTIME_MODULES);
    const sqlite = files.filter((path) => path.startsWith('node_modules/better-sqlite3/'));
    expect(sqlite.filter((path) => /^node_modules\/better-sqlite3\/(src|deps)\//.test(path))).toEqual([]);
    expect(sqlite.filter((path) => path.startsWith('node_modules/better-sqlite3/build/'))).toEqual([
      'node_modules/better-sqlite3/build/Release',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ]);
  });

  it("unpacks better-sqlite3's addon from the archive to where main/electron/native-addon.ts loads it", () => {
    expect(statFile(asar, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toMatchObject({ unpacked: true });
    expect(existsSync(electronAddonPath(asar))).toBe(true);
  });

  it('has every fuse of the Electron binary flipped by the afterPack hook as build/fuses.mjs sets it', async () => {
    const wire = await getCurrentFuseWire(executable);
    for (const [name, enabled] of Object.entries(FUSES)) {
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(enabled ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });
});
