import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestBody } from '../../app/commands/request';
import type { RequestSpec } from '../../app/commands/request';
import { renderSigningScript } from '../../app/commands/signing-script';
import { startEchoServer } from '../support/echo-server';
import type { EchoServer, RecordedRequest } from '../support/echo-server';
import { requestSpec } from '../support/request-arbitraries';
import { runShell } from '../support/run-shell';

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
  expect(arrived.headers['x-auth-signature']).toBe(createHmac('sha256', secret).update(nonce + kid).digest('hex'));
};

const spec = (): RequestSpec => ({
  baseUrl: server.url,
  method: 'POST',
  path: '/api/v2/peatio/market/orders',
  query: [['note', "it's $HOME"]],
  body: { market: 'btcusd', side: 'buy', volume: '0.1', price: '30000', comment: 'a `b` \\ "c" \n ✓' },
});

describe('the signing script, run by sh (dash) and bash with curl, perl and openssl', () => {
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

  it('falls back to whole seconds where perl is missing', async () => {
    // A PATH with the tools the script needs, but no perl.
    const bin = mkdtempSync(join(tmpdir(), 'no-perl-'));
    try {
      for (const tool of ['curl', 'openssl', 'awk', 'date']) symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
      const script = renderSigningScript(spec(), { kid: KID });
      const arrived = await runScript('sh', script, { BARONG_SECRET: SECRET, PATH: bin });
      expect(String(arrived.headers['x-auth-nonce'])).toMatch(/000$/);
      expectSignedWith(arrived, KID, SECRET);
    } finally {
      rmSync(bin, { recursive: true });
    }
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
      { numRuns: 15, interruptAfterTimeLimit: 40_000 },
    );
  }, 60_000);
});
