import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMain } from '../../scripts/build-main.mjs';

const externalImports = (metafile: Metafile) =>
  [...new Set(Object.values(metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external).map((entry) => entry.path)))].sort();

describe('npm run build:main', () => {
  let outDir: string;
  let built: { main: Metafile; preload: Metafile };
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'build-main-'));
    built = await buildMain(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes exactly the main bundle and the preload, and no source map', () => {
    expect(readdirSync(outDir, { recursive: true }).map(String).sort()).toEqual(['main', join('main', 'index.js'), 'preload', join('preload', 'index.cjs')]);
    for (const file of ['main/index.js', 'preload/index.cjs']) expect(readFileSync(join(outDir, file), 'utf8')).not.toContain('sourceMappingURL');
  });

  it('bundles no test code', () => {
    const inputs = [...Object.keys(built.main.inputs), ...Object.keys(built.preload.inputs)];
    expect(inputs.filter((input) => /\.test\.ts$|\/tests\/|(^|\/)test\/|vitest|fast-check/.test(input))).toEqual([]);
    for (const file of ['main/index.js', 'preload/index.cjs']) expect(readFileSync(join(outDir, file), 'utf8')).not.toMatch(/vitest|fast-check/);
  });

  it('leaves electron and the native better-sqlite3 outside the main bundle, with Node built-ins', () => {
    const builtIn = (path: string) => path.startsWith('node:') || builtinModules.includes(path);
    expect(externalImports(built.main).filter((path) => !builtIn(path))).toEqual(['better-sqlite3', 'electron']);
    expect(Object.keys(built.main.inputs).filter((input) => input.startsWith('renderer/'))).toEqual([]);
  });

  it('makes the preload a CommonJS script that requires electron alone and exposes window.api', () => {
    expect(externalImports(built.preload)).toEqual(['electron']);
    const code = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8');
    const exposeInMainWorld = vi.fn();
    const required: string[] = [];
    const fakeRequire = (name: string) => {
      required.push(name);
      return { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() } };
    };
    // Run as Electron runs a sandboxed preload: a CommonJS function body, not a module.
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(fakeRequire, module, module.exports);
    expect(required).toEqual(['electron']);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, Record<string, unknown>>];
    expect(name).toBe('api');
    expect(typeof api.vault?.unlock).toBe('function');
    expect(typeof api.menu?.onCommand).toBe('function');
  });

  it('makes main an ES module, as package.json declares the project', () => {
    const code = readFileSync(join(outDir, 'main', 'index.js'), 'utf8');
    expect(code).toMatch(/^import .* from "electron";$/m);
    expect(code).not.toMatch(/\brequire\("electron"\)/);
  });
});
