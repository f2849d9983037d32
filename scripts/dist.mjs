// `npm run dist [-- electron-builder arguments]`: builds the renderer, main and preload, then runs
// electron-builder (installers for this OS by default; `-- --linux dir` for an unpacked app).
// electron-builder rebuilds better-sqlite3 for Electron inside node_modules, where the tests and
// the CLI need Node's build: its build folder is kept aside and put back afterwards.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildMain } from './build-main.mjs';

const run = (command, args, env = process.env) =>
  spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
// npm hands its own nodedir (Node's headers) to scripts; node-gyp would then build better-sqlite3
// for Node while electron-builder labels it Electron's, and the packed app could not load it.
const builderEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(name)));

const renderer = run('npm', ['run', 'build:renderer']);
if (renderer !== 0) process.exit(renderer);
await buildMain();

const nodeBuild = join(ROOT, 'node_modules', 'better-sqlite3', 'build');
const keptDir = mkdtempSync(join(tmpdir(), 'better-sqlite3-node-build-'));
const kept = join(keptDir, 'build');
if (existsSync(nodeBuild)) cpSync(nodeBuild, kept, { recursive: true, verbatimSymlinks: true });
let status;
try {
  status = run(process.execPath, [join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), ...process.argv.slice(2)], builderEnv);
} finally {
  if (existsSync(kept)) {
    rmSync(nodeBuild, { recursive: true, force: true });
    cpSync(kept, nodeBuild, { recursive: true, verbatimSymlinks: true });
  }
  rmSync(keptDir, { recursive: true, force: true });
}
process.exit(status);
