import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli';
import { runShell } from '../support/run-shell';
import { electronBinary, MISSING_ELECTRON } from '../../scripts/electron-binary.mjs';

// Every command the README shows is run here, as written, or by .ci/run (the set-up pair).
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => (block[1] as string).trim().split('\n'));
const SETUP = ['npm ci', 'npm test'];
const SANDBOX = /^npm run --silent sandbox -- /;
const EXPORT = /^export BARONG_URL=http:\/\/127\.0\.0\.1:PORT BARONG_KID=KID BARONG_SECRET=SECRET$/;
const OWN_TESTS = ['npm run bench', 'npm start'];
const TRY_IT = commands.filter((line) => !SETUP.includes(line) && !SANDBOX.test(line) && !EXPORT.test(line) && !OWN_TESTS.includes(line));

const bash = (script: string) => runShell('bash', script, process.env, REPO_ROOT);

describe('README commands', () => {
  let sandbox: ChildProcessWithoutNullStreams | undefined;
  let exportLine = '';

  beforeAll(async () => {
    const line = commands.find((command) => SANDBOX.test(command));
    if (!line) throw new Error('The README lost its sandbox command.');
    // Its own process group, so that npm and the server it starts stop together.
    sandbox = spawn('bash', ['-c', `exec ${line}`], { cwd: REPO_ROOT, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const started = sandbox;
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: started.stdout }).once('line', resolve);
      started.once('exit', (code) => reject(new Error(`The sandbox exited (${code}) before announcing itself.`)));
    });
    const announced = JSON.parse(first) as { url: string; apiKeys: Array<{ kid: string; secret: string }> };
    const key = announced.apiKeys[0];
    if (!key) throw new Error('The seeded sandbox announced no API key.');
    exportLine = `export BARONG_URL=${announced.url} BARONG_KID=${key.kid} BARONG_SECRET=${key.secret}`;
  });

  afterAll(() => {
    if (sandbox?.pid) process.kill(-sandbox.pid, 'SIGTERM');
    rmSync(join(REPO_ROOT, 'order.sh'), { force: true });
  });

  it('gives the two set-up commands, and .ci/run ends with exactly them', () => {
    expect(commands.slice(0, 2)).toEqual(SETUP);
    const ciCommands = readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ciCommands.slice(-2)).toEqual(SETUP);
  });

  it('shows the export line the try-it commands rely on', () => {
    expect(commands.some((command) => EXPORT.test(command))).toBe(true);
    expect(TRY_IT.length).toBeGreaterThanOrEqual(4);
  });

  it.each(TRY_IT)('runs: %s', async (command) => {
    const run = await bash(`${exportLine}\n${command}`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
    // curl and httpie exit 0 on an HTTP error too: the answer itself must not be a Barong error.
    expect(run.stdout).not.toContain('"errors"');
  });

  it('runs: npm run bench', async () => {
    expect(commands).toContain('npm run bench');
    const run = await bash('npm run bench');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/signer: +[\d,]+ signatures\/s/);
    expect(run.stdout).toMatch(/ratio: +bare HMAC is \d+\.\d\dx the signer/);
    expect(run.stdout).toMatch(/signing through the vault \(lookup \+ unlocked secret \+ HMAC\): [\d,]+ signatures\/s/);
    expect(run.stdout).toMatch(/keydown to the filtered list painted: median \d+\.\d ms, p90 \d+\.\d ms/);
    // Filling two vaults with 10,000 keys (one in the browser harness) takes a while on a loaded two-core machine.
  }, 300_000);

  it.skipIf(electronBinary(REPO_ROOT) !== null)(
    'runs: npm start, which here says in one line that Electron is missing (skipped where it is installed: it would open a window)',
    async () => {
      expect(commands).toContain('npm start');
      const run = await bash('npm start');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(MISSING_ELECTRON);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    },
  );
});
