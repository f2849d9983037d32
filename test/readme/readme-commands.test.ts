import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli';
import { runShell } from '../support/run-shell';
import { electronBinary, MISSING_ELECTRON } from '../../scripts/electron-binary.mjs';

// Every command the README shows is run here, as written, or by .ci/run (the set-up pair).
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => (block[1] as string).trim().split('\n'));
// The agent's section is one session on a server: its commands build on each other and run as one script.
const AGENT_SECTION = /## Scripts, bots and servers[^\n]*\n[\s\S]*?```sh\n([\s\S]*?)```/;
const agentScript = AGENT_SECTION.exec(readme)?.[1] ?? '';
const AGENT_LINES = agentScript.trim().split('\n');
const SETUP = ['npm ci', 'npm test'];
const SANDBOX = /^npm run --silent sandbox -- /;
const EXPORT = /^export BARONG_URL=http:\/\/127\.0\.0\.1:PORT BARONG_KID=KID BARONG_SECRET=SECRET$/;
const OWN_TESTS = ['npm run bench', 'npm start'];
const TRY_IT = commands.filter(
  (line) => !SETUP.includes(line) && !SANDBOX.test(line) && !EXPORT.test(line) && !OWN_TESTS.includes(line) && !AGENT_LINES.includes(line),
);

// npx keeps each checkout's own bin in a cache folder keyed by the checkout's path, and never refreshes it: a clone
// at a path where an older checkout once ran npx would run that checkout's bin (or a file it no longer has). Its own
// npm cache makes every run of these commands start from what this checkout built, offline.
const npmCache = mkdtempSync(join(tmpdir(), 'barong-readme-npm-'));
const env = { ...process.env, npm_config_cache: npmCache, npm_config_offline: 'true' };
const bash = (script: string) => runShell('bash', script, env, REPO_ROOT);

/** Runs a bash script in a process group of its own, and ends the whole group (background jobs included) when bash exits. */
function runAsGroup(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Every process of the group had already ended.
      }
      resolve({ code, stdout, stderr });
    });
  });
}

describe('README commands', () => {
  let sandbox: ChildProcessWithoutNullStreams | undefined;
  let exportLine = '';
  let secret = '';

  beforeAll(async () => {
    const line = commands.find((command) => SANDBOX.test(command));
    if (!line) throw new Error('The README lost its sandbox command.');
    // Its own process group, so that npm and the server it starts stop together.
    sandbox = spawn('bash', ['-c', `exec ${line}`], { cwd: REPO_ROOT, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const started = sandbox;
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: started.stdout }).once('line', resolve);
      started.once('exit', (code) => reject(new Error(`The sandbox exited (${code}) before announcing itself.`)));
    });
    const announced = JSON.parse(first) as { url: string; apiKeys: Array<{ kid: string; secret: string }> };
    const key = announced.apiKeys[0];
    if (!key) throw new Error('The seeded sandbox announced no API key.');
    exportLine = `export BARONG_URL=${announced.url} BARONG_KID=${key.kid} BARONG_SECRET=${key.secret}`;
    secret = key.secret;
  });

  afterAll(() => {
    if (sandbox?.pid) process.kill(-sandbox.pid, 'SIGTERM');
    for (const made of ['order.sh', 'orders.sh', 'server']) rmSync(join(REPO_ROOT, made), { recursive: true, force: true });
    rmSync(npmCache, { recursive: true, force: true });
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

  it('runs the agent section as one script: a server vault, the headless agent, sign --key, exec and the proxy', async () => {
    expect(AGENT_LINES.length).toBeGreaterThanOrEqual(10);
    const runtime = mkdtempSync(join(tmpdir(), 'barong-readme-agent-'));
    try {
      // Its own runtime folder, so that the agent's default socket is not the one of an app running on this machine;
      // its own process group, so that the agent and the proxy it starts in the background stop with it.
      const run = await runAsGroup(`set -e\nexport XDG_RUNTIME_DIR=${runtime}\n${exportLine}\n${agentScript}`);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^LABEL +KID +ACCOUNT +POLICY/m);
      expect(run.stdout).toContain('"currency"');
      expect(run.stdout).not.toContain('"errors"');
      expect(run.stdout + run.stderr).not.toContain(secret);
    } finally {
      rmSync(runtime, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs: npm run bench', async () => {
    expect(commands).toContain('npm run bench');
    const run = await bash('npm run bench');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/signer: +[\d,]+ signatures\/s/);
    expect(run.stdout).toMatch(/ratio: +bare HMAC is \d+\.\d\dx the signer/);
    expect(run.stdout).toMatch(/signing through the vault \(lookup \+ unlocked secret \+ HMAC\): [\d,]+ signatures\/s/);
    expect(run.stdout).toMatch(/keydown to the filtered list painted: median \d+\.\d ms, p90 \d+\.\d ms/);
    expect(run.stdout).toMatch(/palette \(Ctrl\+K[^)]*\), keydown to the results painted: median \d+\.\d ms, p90 \d+\.\d ms/);
    expect(run.stdout).toMatch(/8 clients: +[\d,]+ signatures\/s/);
    expect(run.stdout).toMatch(/bare HMAC: [\d,]+ signatures\/s just before the rounds, [\d,]+ just after/);
    expect(run.stdout).toMatch(/added by the proxy: median \d+\.\d+ ms/);
    // Filling two vaults with 10,000 keys (one in the browser harness), the CLI's cold starts and the agent's and
    // proxy's runs take minutes on a two-core machine that runs the other tests beside it.
  }, 900_000);

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
