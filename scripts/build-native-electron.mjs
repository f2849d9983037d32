// `npm run build:native-electron`: compiles better-sqlite3 for Electron's ABI into
// build/native/electron/better_sqlite3.node, which the app started from the project (`npm start`)
// loads through better-sqlite3's nativeBinding option; a packaged app carries electron-builder's
// own rebuild instead (`npm run dist`). node_modules/better-sqlite3/build/Release holds Node's
// build, which tests and the CLI load: this script compiles in a copy of the package and never
// writes there.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build-main.mjs';

const HEADERS_URL = process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const sourceDir = join(ROOT, 'node_modules', 'better-sqlite3');
const workDir = join(ROOT, 'build', 'native', 'work', 'better-sqlite3');
const target = join(ROOT, 'build', 'native', 'electron', 'better_sqlite3.node');

function fail(message) {
  console.error(message);
  process.exit(1);
}

// node-gyp fetches Electron's headers from the network; ask first, so that a machine without
// internet gets one clear line rather than node-gyp's stack of retries.
const checksums = `${HEADERS_URL}/v${electronVersion}/SHASUMS256.txt`;
try {
  const answer = await fetch(checksums, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
  if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
} catch (error) {
  fail(
    `Cannot build better-sqlite3 for Electron ${electronVersion}: its headers come from ${HEADERS_URL}, which this machine cannot reach ` +
      `(${error instanceof Error ? (error.cause?.code ?? error.message) : error}). Run npm run build:native-electron on a machine with internet.`,
  );
}

rmSync(workDir, { recursive: true, force: true });
cpSync(sourceDir, workDir, { recursive: true, filter: (path) => !path.startsWith(join(sourceDir, 'build')) });

// npm passes its own nodedir (here /usr, Node's headers) to scripts; node-gyp would then build
// for Node again, whatever the target says.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(name)));
const nodeGyp = process.env.npm_config_node_gyp;
const [command, prefix] = nodeGyp ? [process.execPath, [nodeGyp]] : ['node-gyp', []];
const gyp = spawnSync(
  command,
  [...prefix, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', `--dist-url=${HEADERS_URL}`, `--arch=${process.arch}`],
  { cwd: workDir, env, stdio: 'inherit', shell: process.platform === 'win32' && !nodeGyp },
);
if (gyp.status !== 0) fail(`node-gyp failed (exit ${gyp.status ?? gyp.signal}); node_modules/better-sqlite3 is untouched.`);

mkdirSync(join(target, '..'), { recursive: true });
copyFileSync(join(workDir, 'build', 'Release', 'better_sqlite3.node'), target);
console.log(`Built ${target} for Electron ${electronVersion}.`);
