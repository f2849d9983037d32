import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestBody } from '../../app/commands/request';
import type { RequestSpec } from '../../app/commands/request';
import { renderSigningScript } from '../../app/commands/signing-script';
import { startSandbox } from '../../sandbox/start-sandbox';
import { startEchoServer } from '../support/echo-server';
import type { EchoServer, RecordedRequest } from '../support/echo-server';
import { requestSpec } from '../support/request-arbitraries';
import { runProcess } from '../support/run-process';
import { runShell } from '../support/run-shell';
import { createKeyThroughApi } from '../support/sandbox-keys';

const SECRET = '5d1ae2f9c4b7038e6a9f12c4d5e6b7a8';
// Printable ASCII that needs quoting, to check that the kid goes into the script intact.
const KID = `k'i"d$\`\\!x`;

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer();
});
afterAll(() => server.close());

/** This process's environment without BARONG_SECRET, plus `extra`. */
const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const inherited = { ...process.env };
  delete inherited.BARONG_SECRET;
  return { ...inherited, ...extra };
};

async function runScript(shell: 'sh' | 'bash', script: string, extraEnv: Record<string, string>): Promise<RecordedRequest> {
  const startedAt = Date.now();
  const run = await runShell(shell, script, env(extraEnv));
  const endedAt = Date.now();
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const [arrived, ...more] = server.take();
  expect(more).toEqual([]);
  if (!arrived) throw new Error('The script sent no request.');
  const nonce = String(arrived.headers['x-auth-nonce']);
  expect(nonce).toMatch(/^[1-9][0-9]*$/);
  // Made while the script ran (the whole-second fallback may round down by up to a second).
  expect(Number(nonce)).toBeGreaterThanOrEqual(startedAt - 1000);
  expect(Number(nonce)).toBeLessThanOrEqual(endedAt);
  return arrived;
}

const expectSignedWith = (arrived: RecordedRequest, kid: string, secret: string): void => {
  const nonce = String(arrived.headers['x-auth-nonce']);
  expect(arrived.headers['x-auth-apikey']).toBe(kid);
  expect(arrived.headers['x-auth-signature']).toBe(
    createHmac('sha256', secret)
      .update(nonce + kid)
      .digest('hex'),
  );
};

const spec = (): RequestSpec => ({
  baseUrl: server.url,
  method: 'POST',
  path: '/api/v2/peatio/market/orders',
  query: [['note', "it's $HOME"]],
  body: { market: 'btcusd', side: 'buy', volume: '0.1', price: '30000', comment: 'a `b` \\ "c" \n ✓' },
});

describe('the signing script, run by sh (dash) and bash with curl and perl', () => {
  it.each(['sh', 'bash'] as const)('%s: signs at run time with the secret from BARONG_SECRET', async (shell) => {
    const script = renderSigningScript(spec(), { kid: KID });
    expect(script).not.toContain(SECRET);
    const arrived = await runScript(shell, script, { BARONG_SECRET: SECRET });
    expectSignedWith(arrived, KID, SECRET);
    expect(arrived.rawPath).toBe('/api/v2/peatio/market/orders');
    expect([...new URLSearchParams(arrived.rawQuery)]).toEqual([['note', "it's $HOME"]]);
    expect(arrived.body.toString('utf8')).toBe(requestBody(spec()));
  });

  it.each(['sh', 'bash'] as const)('%s: fails with a clear message and sends nothing when the variable is unset or empty', async (shell) => {
    const script = renderSigningScript(spec(), { kid: KID });
    for (const extra of [{}, { BARONG_SECRET: '' }]) {
      const run = await runShell(shell, script, env(extra));
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('BARONG_SECRET is not set');
      expect(server.take()).toEqual([]);
    }
  });

  it('reads a custom variable, and only that one', async () => {
    const script = renderSigningScript(spec(), { kid: 'a1b2c3d4e5f60718', secretEnv: 'EXCHANGE_B_SECRET' });
    expectSignedWith(await runScript('sh', script, { EXCHANGE_B_SECRET: SECRET, BARONG_SECRET: 'wrong' }), 'a1b2c3d4e5f60718', SECRET);
    const run = await runShell('sh', script, env({ BARONG_SECRET: SECRET }));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('EXCHANGE_B_SECRET is not set');
  });

  it('fails with a clear message and sends nothing where perl is missing', async () => {
    // A PATH with curl, but no perl.
    const bin = mkdtempSync(join(tmpdir(), 'no-perl-'));
    try {
      symlinkSync('/usr/bin/curl', join(bin, 'curl'));
      const run = await runShell('sh', renderSigningScript(spec(), { kid: KID }), env({ BARONG_SECRET: SECRET, PATH: bin }));
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('This script signs with perl and its standard modules Digest::SHA and Time::HiRes: install perl, then run it again.\n');
      expect(server.take()).toEqual([]);
    } finally {
      rmSync(bin, { recursive: true });
    }
  });

  it('signs with a variable that is set in the shell but not exported', async () => {
    const script = renderSigningScript(spec(), { kid: KID });
    expectSignedWith(await runScript('sh', `SHELL_ONLY_SECRET='${SECRET}'\nBARONG_SECRET=$SHELL_ONLY_SECRET\n${script}`, {}), KID, SECRET);
  });

  it('sends any path, query and body exactly', async () => {
    await fc.assert(
      fc.asyncProperty(requestSpec(`${server.url}/prefix`), async (request) => {
        const arrived = await runScript('sh', renderSigningScript(request, { kid: KID }), { BARONG_SECRET: SECRET });
        expectSignedWith(arrived, KID, SECRET);
        expect(arrived.method).toBe(request.method);
        expect(arrived.rawPath.split('/').map(decodeURIComponent)).toEqual(`/prefix${request.path}`.split('/'));
        expect([...new URLSearchParams(arrived.rawQuery)]).toEqual(request.query);
        expect(arrived.body.toString('hex')).toBe(Buffer.from(requestBody(request) ?? '').toString('hex'));
      }),
      // Out of time is a failure, not a silent pass with fewer runs.
      { numRuns: 15, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: true },
    );
  }, 60_000);
});

describe('the signing script, seen by another user of the machine', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let key: { kid: string; secret: string };
  let traces: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const trader = sandbox.users.find((user) => user.otp && user.state === 'active');
    if (!trader) throw new Error('The sandbox has no active user with 2FA.');
    key = await createKeyThroughApi(sandbox.url, trader);
    traces = mkdtempSync(join(tmpdir(), 'script-execve-'));
  });

  afterAll(() => {
    sandbox?.close();
    if (traces) rmSync(traces, { recursive: true });
  });

  // Any local user can read the arguments of every process (/proc/PID/cmdline, ps), but not its
  // environment: record the arguments of every program the script starts, in full.
  it.each(['sh', 'bash'] as const)('%s: no program it starts has the secret in its arguments, and the exchange accepts the request', async (shell) => {
    const script = renderSigningScript({ baseUrl: sandbox.url, method: 'GET', path: '/api/v2/peatio/account/balances', query: [] }, { kid: key.kid });
    const trace = join(traces, `${shell}.txt`);
    const run = await runProcess('strace', ['-f', '-qq', '-e', 'trace=execve', '-s', '100000', '-o', trace, `/bin/${shell}`, '-c', script], {
      env: env({ BARONG_SECRET: key.secret }),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const balances = JSON.parse(run.stdout) as Array<{ currency: string }>;
    expect(balances.length).toBeGreaterThan(0);
    const execs = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => line.includes('execve('));
    expect(execs.filter((line) => line.includes(key.secret))).toEqual([]);
    // The trace did see the programs and their arguments in full: the script itself, perl and curl.
    expect(execs.some((line) => line.includes(JSON.stringify(script)))).toBe(true);
    expect(execs.some((line) => /execve\("[^"]*\/perl", .*"print hmac_sha256_hex\(/.test(line))).toBe(true);
    expect(execs.some((line) => /execve\("[^"]*\/curl", .*"X-Auth-Signature: [0-9a-f]{64}"/.test(line))).toBe(true);
  });
});
