import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/start-sandbox';
import { runCli } from '../support/run-cli';
import { runShell } from '../support/run-shell';
import { createKeyThroughApi } from '../support/sandbox-keys';

// The exchange's real window. A shorter one saves some of the wait for expiry, but a signed httpie
// command (a Python start: over a second on a busy 2-core machine) then sometimes arrives too late.
const LIFETIME_MS = 5000;
const EXECUTABLE_FORMATS = ['curl', 'httpie', 'script'] as const;
const BALANCES = ['GET', '/api/v2/peatio/account/balances'];

// Only what a trader's shell would have: no variable of the test runner leaks in.
const sh = (script: string, env: Record<string, string> = {}) =>
  runShell('bash', script, { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env });

describe('barong-vault sign against the sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let key: { kid: string; secret: string };
  const commands = new Map<string, string>();

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, nonceLifetimeMs: LIFETIME_MS });
    const trader = sandbox.users.find((user) => user.otp && user.state === 'active');
    if (!trader) throw new Error('The sandbox has no active user with 2FA.');
    key = await createKeyThroughApi(sandbox.url, trader);
  });

  afterAll(() => sandbox?.close());

  it.each(EXECUTABLE_FORMATS)('the %s output runs and the exchange answers with the balances', async (format) => {
    const signed = await runCli(['sign', '--base', sandbox.url, '--format', format, '--nonce-lifetime-ms', String(LIFETIME_MS), ...BALANCES], {
      env: { BARONG_KID: key.kid, BARONG_SECRET: key.secret },
    });
    expect(signed.code).toBe(0);
    commands.set(format, signed.stdout);
    const run = await sh(signed.stdout, { BARONG_SECRET: key.secret });
    expect(run.code).toBe(0);
    const balances = JSON.parse(run.stdout) as Array<{ currency: string }>;
    expect(Array.isArray(balances)).toBe(true);
    expect(balances.length).toBeGreaterThan(0);
  });

  it('the signed commands go stale after the nonce lifetime; the script signs again and works', async () => {
    expect([...commands.keys()].sort()).toEqual([...EXECUTABLE_FORMATS].sort());
    // Waiting out the window is the behaviour under test; no event can stand in for the clock.
    await new Promise((resolve) => setTimeout(resolve, LIFETIME_MS + 200));
    for (const format of ['curl', 'httpie']) {
      const run = await sh(commands.get(format) as string);
      expect(JSON.parse(run.stdout)).toEqual({ errors: ['authz.nonce_expired'] });
    }
    const again = await sh(commands.get('script') as string, { BARONG_SECRET: key.secret });
    expect(Array.isArray(JSON.parse(again.stdout))).toBe(true);
  });
});
