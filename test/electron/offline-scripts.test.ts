import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-main.mjs';
import { MISSING_ELECTRON, electronBinary } from '../../scripts/electron-binary.mjs';
import { runProcess } from '../support/run-process';

const hasElectron = electronBinary(ROOT) !== null;
const nodeAddon = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const STACK_FRAME = /^\s+at .+[:(]/m;

function npm(args: string[], { set = {}, unset = [] }: { set?: Record<string, string>; unset?: string[] } = {}) {
  const env = Object.fromEntries(Object.entries({ ...process.env, ...set }).filter(([name]) => !unset.includes(name)));
  return runProcess('npm', args, { cwd: ROOT, env });
}

describe('npm start where the Electron binary was never downloaded', () => {
  it.skipIf(hasElectron)('says so in one line and exits non-zero, without a stack trace', async () => {
    const { code, stdout, stderr } = await npm(['start'], { unset: ['ELECTRON_OVERRIDE_DIST_PATH'] });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toContain(MISSING_ELECTRON);
    expect(`${stdout}\n${stderr}`).not.toMatch(STACK_FRAME);
    expect(`${stdout}\n${stderr}`).not.toMatch(/Downloading Electron/);
  });
});

describe('npm start with Electron but without its build of better-sqlite3', () => {
  it.skipIf(existsSync(join(ROOT, 'build', 'native', 'electron', 'better_sqlite3.node')))(
    'asks for npm run build:native-electron before building or launching',
    async () => {
      // A stand-in Electron found through the electron package's own override variable; never run.
      const dist = mkdtempSync(join(tmpdir(), 'fake-electron-'));
      writeFileSync(join(dist, 'electron'), '#!/bin/sh\nexit 7\n');
      chmodSync(join(dist, 'electron'), 0o755);
      try {
        const { code, stdout, stderr } = await npm(['start'], { set: { ELECTRON_OVERRIDE_DIST_PATH: dist } });
        expect(code).toBe(1);
        expect(stderr.split('\n')).toContain(
          'better-sqlite3 is not built for Electron yet: run npm run build:native-electron (it needs the internet once), then npm start',
        );
        expect(`${stdout}\n${stderr}`).not.toMatch(STACK_FRAME);
      } finally {
        rmSync(dist, { recursive: true, force: true });
      }
    },
  );
});

describe('npm run build:native-electron without access to the headers', () => {
  it('names the reason and the way out, exits non-zero, and leaves the Node build of better-sqlite3 alone', async () => {
    const before = digest(nodeAddon);
    // A closed loopback port stands for "no internet" on every machine, this one included.
    const { code, stdout, stderr } = await npm(['run', 'build:native-electron'], { set: { ELECTRON_HEADERS_URL: 'http://127.0.0.1:9' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Cannot build better-sqlite3 for Electron \d+\.\d+\.\d+: its headers come from http:\/\/127\.0\.0\.1:9, which this machine cannot reach .*Run npm run build:native-electron on a machine with internet\.$/m,
    );
    expect(`${stdout}\n${stderr}`).not.toMatch(STACK_FRAME);
    expect(digest(nodeAddon)).toBe(before);
    expect(existsSync(join(ROOT, 'build', 'native', 'work'))).toBe(false);
  });
});
