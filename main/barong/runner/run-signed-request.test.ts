import { generateSync } from 'otplib';
import { createGuardrails } from 'otplib';
import { describe, expect, it } from 'vitest';
import { explainError } from '../../../app/barong/error-catalogue';
import { peatioPaths } from '../../../app/barong/paths';
import { seededKeys, startSeededSandbox, totpSecretOf } from '../tests/exchange-sandbox';
import { newKid, newSecret } from '../../vault/tests/vault-fixture';
import type { HttpRequest, HttpResponse } from '../http/send-http';
import { rejectionOf, runnerSetup } from '../tests/runner-fixture';
import { runSignedRequest } from './run-signed-request';
import { testKey } from './test-key';

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const totpNow = (secret: string) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000), guardrails });
const catalogued = (code: string, status: number) => ({
  code,
  status,
  message: explainError(code, { nonceLifetimeMs: 5000 }).message,
  action: explainError(code).action,
});

describe('runSignedRequest against the sandbox', () => {
  it('gets 200 and the balances with a seeded key, and audits the use without the query', async () => {
    const sandbox = await startSeededSandbox();
    const { trade } = seededKeys(sandbox);
    const {
      vault,
      context,
      keyIds: [keyId = ''],
    } = await runnerSetup(sandbox.url, [trade]);
    const answer = await runSignedRequest(context, { keyId, method: 'GET', path: peatioPaths.balances, query: [['nonzero', 'true']] });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(answer.totalMs).toBeGreaterThan(0);
    expect(answer.body).toEqual([
      { currency: 'btc', balance: '2.6', locked: '0.0' },
      { currency: 'eth', balance: '38.0', locked: '2.0' },
      { currency: 'usd', balance: '83000.0', locked: '14000.0' },
    ]);
    expect(vault.auditLog(1)).toEqual([
      expect.objectContaining({ action: 'send', kid: trade.kid, method: 'GET', path: peatioPaths.balances, status: 200, outcome: 'ok' }),
    ]);
  });

  it('tests a key: the balances on success, the catalogue error on refusal', async () => {
    const sandbox = await startSeededSandbox();
    const { viewer } = seededKeys(sandbox);
    const {
      context,
      keyIds: [good = '', unknown = ''],
    } = await runnerSetup(sandbox.url, [viewer, { kid: newKid(), secret: newSecret() }]);
    const passed = await testKey(context, good);
    expect(passed).toEqual({
      ok: true,
      balances: expect.arrayContaining([{ currency: 'usd', balance: '5000.0', locked: '0.0' }]) as unknown,
      totalMs: expect.any(Number) as unknown,
    });
    const failed = await testKey(context, unknown);
    expect(failed.ok).toBe(false);
    expect(failed.ok ? undefined : failed.error).toMatchObject(catalogued('authz.unexistent_apikey', 401));
  });

  it.each([
    ['an unknown key', 'authz.unexistent_apikey', 401],
    ['a wrong secret', 'authz.invalid_signature', 401],
    ['a disabled key', 'authz.apikey_not_active', 401],
  ])('maps %s to the catalogue message (%s)', async (_case, code, status) => {
    const sandbox = await startSeededSandbox();
    const { trade, read } = seededKeys(sandbox);
    const key =
      code === 'authz.unexistent_apikey'
        ? { kid: newKid(), secret: newSecret() }
        : code === 'authz.invalid_signature'
          ? { kid: read.kid, secret: newSecret() }
          : read;
    const {
      vault,
      context,
      keyIds: [tradeId = '', keyId = ''],
    } = await runnerSetup(sandbox.url, [trade, key]);
    if (code === 'authz.apikey_not_active') {
      // A signed write, as the app makes them: the trader's other key disables this one (2FA code in the body).
      const patched = await runSignedRequest(context, {
        keyId: tradeId,
        method: 'PATCH',
        path: `/api/v2/barong/resource/api_keys/${read.kid}`,
        body: { state: 'disabled', scope: 'read', totp_code: totpNow(totpSecretOf(sandbox, read.email)) },
      });
      expect(patched.body).toMatchObject({ kid: read.kid, state: 'disabled' });
    }
    const refused = await rejectionOf(runSignedRequest(context, { keyId, method: 'GET', path: peatioPaths.balances }));
    expect(refused).toMatchObject(catalogued(code, status));
    expect(refused.name).toBe('ExchangeError');
    expect(vault.auditLog(1)).toEqual([expect.objectContaining({ method: 'GET', path: peatioPaths.balances, status, outcome: code })]);
  });

  it('maps maintenance (471) to the catalogue message', async () => {
    const sandbox = await startSeededSandbox({ maintenance: true });
    const {
      context,
      keyIds: [keyId = ''],
    } = await runnerSetup(sandbox.url, [seededKeys(sandbox).trade]);
    const refused = await rejectionOf(runSignedRequest(context, { keyId, method: 'GET', path: peatioPaths.balances }));
    expect(refused).toMatchObject({
      code: 'authz.restrict.maintenance',
      status: 471,
      message: 'The exchange is under maintenance.',
      action: 'Try again later.',
    });
  });

  it('deletes a key with the 2FA code in the query, and audits the path only', async () => {
    const sandbox = await startSeededSandbox();
    const { trade, read } = seededKeys(sandbox);
    const {
      vault,
      context,
      keyIds: [tradeId = '', readId = ''],
    } = await runnerSetup(sandbox.url, [trade, read]);
    const path = `/api/v2/barong/resource/api_keys/${read.kid}`;
    const deleted = await runSignedRequest(context, {
      keyId: tradeId,
      method: 'DELETE',
      path,
      query: [['totp_code', totpNow(totpSecretOf(sandbox, trade.email))]],
    });
    expect([deleted.status, deleted.body]).toEqual([204, undefined]);
    expect(vault.auditLog(1)).toEqual([expect.objectContaining({ method: 'DELETE', path, status: 204, outcome: 'ok' })]);
    expect(await testKey(context, readId)).toMatchObject({ ok: false, error: { code: 'authz.unexistent_apikey' } });
  });

  it('refuses a path that carries its own query before signing anything', async () => {
    const sandbox = await startSeededSandbox();
    const {
      vault,
      context,
      keyIds: [keyId = ''],
    } = await runnerSetup(sandbox.url, [seededKeys(sandbox).trade]);
    const refused = await rejectionOf(runSignedRequest(context, { keyId, method: 'DELETE', path: '/api/v2/barong/resource/api_keys/x?totp_code=123456' }));
    expect(refused).toMatchObject({ code: 'input.path_invalid' });
    expect(vault.auditLog().filter((entry) => entry.action === 'send')).toEqual([]);
  });
});

describe('runSignedRequest and clock skew (5 s nonce lifetime)', () => {
  const sends = (entries: { action: string; status: number | null; outcome: string | null }[]) =>
    entries
      .filter((entry) => entry.action === 'send')
      .map(({ status, outcome }) => [status, outcome])
      .reverse();

  it.each([4_000, -4_000, 7_000, -7_000])('succeeds at once with the offset measured (%i ms)', async (skewMs) => {
    const sandbox = await startSeededSandbox({ clockOffsetMs: skewMs, nonceLifetimeMs: 5_000 });
    const {
      vault,
      account,
      context,
      keyIds: [keyId = ''],
    } = await runnerSetup(sandbox.url, [seededKeys(sandbox).trade]);
    const reading = await context.clocks.sync(account);
    expect(reading.warning).toEqual({
      offsetMs: reading.offsetMs,
      uncertaintyMs: reading.uncertaintyMs,
      nonceLifetimeMs: 5_000,
      exceedsLifetime: Math.abs(skewMs) > 5_000,
    });
    const answer = await runSignedRequest(context, { keyId, method: 'GET', path: peatioPaths.balances });
    expect(answer.status).toBe(200);
    expect(sends(vault.auditLog())).toEqual([[200, 'ok']]);
  });

  it.each([4_000, -4_000])('gets through unmeasured when the skew (%i ms) is inside the window', async (skewMs) => {
    const sandbox = await startSeededSandbox({ clockOffsetMs: skewMs, nonceLifetimeMs: 5_000 });
    const {
      vault,
      account,
      context,
      keyIds: [keyId = ''],
    } = await runnerSetup(sandbox.url, [seededKeys(sandbox).trade]);
    expect((await runSignedRequest(context, { keyId, method: 'GET', path: peatioPaths.balances })).status).toBe(200);
    expect(sends(vault.auditLog())).toEqual([[200, 'ok']]);
    expect(context.clocks.reading(account)).toBeNull();
  });

  it.each([7_000, -7_000])('gets authz.nonce_expired unmeasured (%i ms), re-syncs once and succeeds', async (skewMs) => {
    const sandbox = await startSeededSandbox({ clockOffsetMs: skewMs, nonceLifetimeMs: 5_000 });
    const {
      vault,
      account,
      context,
      keyIds: [keyId = ''],
    } = await runnerSetup(sandbox.url, [seededKeys(sandbox).trade]);
    const answer = await runSignedRequest(context, { keyId, method: 'GET', path: peatioPaths.balances });
    expect(answer.status).toBe(200);
    expect(sends(vault.auditLog())).toEqual([
      [401, 'authz.nonce_expired'],
      [200, 'ok'],
    ]);
    const reading = context.clocks.reading(account);
    expect(Math.abs((reading?.offsetMs ?? 0) - skewMs)).toBeLessThanOrEqual(reading?.uncertaintyMs ?? 0);
    expect(reading?.warning).toMatchObject({ nonceLifetimeMs: 5_000, exceedsLifetime: true });
  });

  it('retries only once: a second authz.nonce_expired is the answer', async () => {
    const paths: string[] = [];
    // An exchange whose nonce check nothing can satisfy, answered without a network.
    const send = (request: HttpRequest): Promise<HttpResponse> => {
      const path = new URL(request.url).pathname;
      paths.push(path);
      const [status, body] = path.endsWith('/identity/time') ? [200, { time: Math.floor(Date.now() / 1000) }] : [401, { errors: ['authz.nonce_expired'] }];
      return Promise.resolve({ status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)), totalMs: 1 });
    };
    const {
      vault,
      context,
      keyIds: [keyId = ''],
    } = await runnerSetup('https://exchange.example', [{ kid: newKid(), secret: newSecret() }], { http: { send } });
    const refused = await rejectionOf(runSignedRequest(context, { keyId, method: 'GET', path: peatioPaths.balances }));
    expect(refused).toMatchObject(catalogued('authz.nonce_expired', 401));
    expect(paths).toEqual([peatioPaths.balances, ...Array<string>(3).fill('/api/v2/barong/identity/time'), peatioPaths.balances]);
    expect(sends(vault.auditLog())).toEqual([
      [401, 'authz.nonce_expired'],
      [401, 'authz.nonce_expired'],
    ]);
  });
});
