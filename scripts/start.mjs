// `npm start`: builds the renderer, main and preload, then runs the app in Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildMain } from './build-main.mjs';
import { MISSING_ELECTRON, electronBinary } from './electron-binary.mjs';

// Checked before building: a build that cannot be run is only a wait for the same message.
const electron = electronBinary(ROOT);
if (electron === null) {
  console.error(MISSING_ELECTRON);
  process.exit(1);
}
// The app loads better-sqlite3's Electron build (main/electron/native-addon.ts); Node's would not load.
if (!existsSync(join(ROOT, 'build', 'native', 'electron', 'better_sqlite3.node'))) {
  console.error('better-sqlite3 is not built for Electron yet: run npm run build:native-electron (it needs the internet once), then npm start');
  process.exit(1);
}

const renderer = spawnSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
if (renderer.status !== 0) process.exit(renderer.status ?? 1);
await buildMain();

// `.`: Electron then reads package.json's "main", as the packaged app does, and app.getAppPath()
// is the project folder, where the Electron build of better-sqlite3 lives.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(electron, ['.'], { cwd: ROOT, stdio: 'inherit', env });
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
