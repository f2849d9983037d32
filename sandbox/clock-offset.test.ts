import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../app/barong/nonce-clock';
import { AppError } from '../app/app-error';
import { startSandbox } from './start-sandbox';
import { createState } from './state';
import { errorsOf, signedHeaders, startTestSandbox, totpAt } from './test-client';

// An hour: no round trip, truncation or TOTP tolerance could make a shifted answer pass for an unshifted one.
const HOUR_MS = 3_600_000;
const BALANCES = '/api/v2/peatio/account/balances';

/** Runs `ask` and gives the local clock's bounds around it, shifted by `offsetMs`. */
async function shiftedWindow<T>(offsetMs: number, ask: () => Promise<T>) {
  const from = Date.now() + offsetMs;
  const result = await ask();
  return { result, from, to: Date.now() + offsetMs };
}

describe('the sandbox clock offset', () => {
  it.each([HOUR_MS, -HOUR_MS])('tells the shifted time (%i ms) on every time endpoint and in the Date header', async (offsetMs) => {
    const { client } = await startTestSandbox({ clockOffsetMs: offsetMs });
    for (const path of ['/api/v2/barong/identity/time', '/api/v2/barong/public/time']) {
      const { result, from, to } = await shiftedWindow(offsetMs, () => client.request('GET', path));
      const { time } = result.body as { time: number };
      expect(time).toBeGreaterThanOrEqual(Math.floor(from / 1000));
      expect(time).toBeLessThanOrEqual(Math.floor(to / 1000));
      const date = parseHttpDate(result.headers.get('date') ?? '');
      expect(date).toBeGreaterThanOrEqual(Math.floor(from / 1000));
      expect(date).toBeLessThanOrEqual(Math.floor(to / 1000));
    }
    const { result, from, to } = await shiftedWindow(offsetMs, () => client.request('GET', '/api/v2/peatio/public/timestamp'));
    const stamp = Date.parse(result.body as string);
    expect(stamp).toBeGreaterThanOrEqual(from);
    expect(stamp).toBeLessThanOrEqual(to);
  });

  it('checks nonces against the shifted clock, and stamps records with it', async () => {
    const { sandbox, client } = await startTestSandbox({ clockOffsetMs: HOUR_MS, seed: true });
    const [key] = sandbox.apiKeys;
    if (!key) throw new Error('the seed has no key');
    const local = await client.request('GET', BALANCES, { headers: signedHeaders(key.kid, key.secret, String(Date.now())) });
    expect([local.status, errorsOf(local)]).toEqual([401, ['authz.nonce_expired']]);
    const { result, from, to } = await shiftedWindow(HOUR_MS, () =>
      client.request('GET', '/api/v2/barong/resource/api_keys', { headers: signedHeaders(key.kid, key.secret, String(Date.now() + HOUR_MS)) }),
    );
    expect(result.status).toBe(200);
    const created = Date.parse((result.body as { kid: string; created_at: string }[]).find((listed) => listed.kid === key.kid)?.created_at ?? '');
    // Seeded before the request, less than a few seconds earlier on the shifted clock.
    expect(created).toBeLessThanOrEqual(to);
    expect(created).toBeGreaterThan(from - 60_000);
  });

  it('verifies TOTP codes against the shifted clock', async () => {
    const { client, user } = await startTestSandbox({ clockOffsetMs: HOUR_MS });
    const trader = user('trader@sandbox.test');
    if (!trader.totpSecret) throw new Error('the trader has no 2FA');
    const step = (ms: number) => Math.floor(ms / 1000 / 30);
    const localCode = await client.login(trader.email, trader.password, totpAt(trader.totpSecret, step(Date.now())));
    expect([localCode.status, errorsOf(localCode)]).toEqual([403, ['identity.session.invalid_otp']]);
    const shiftedCode = await client.login(trader.email, trader.password, totpAt(trader.totpSecret, step(Date.now() + HOUR_MS)));
    expect(shiftedCode.status).toBe(200);
  });

  it('opens and expires sessions on the shifted clock', () => {
    const state = createState({ nonceLifetimeMs: 5000, secretShape: 'plain', sessionExpireS: 60, captcha: false, maintenance: false, clockOffsetMs: -HOUR_MS });
    const before = Date.now() - HOUR_MS;
    const session = state.sessions.open('UID1', 'agent');
    expect(session.createdAtMs).toBeGreaterThanOrEqual(before);
    expect(session.createdAtMs).toBeLessThanOrEqual(Date.now() - HOUR_MS);
    expect(session.expiresAtMs).toBe(session.createdAtMs + 60_000);
    expect(state.sessions.isExpired(session)).toBe(false);
    // Pushed to the shifted clock's present: a session that would still run on the local clock has ended.
    session.expiresAtMs = Date.now() - HOUR_MS;
    expect(state.sessions.isExpired(session)).toBe(true);
  });

  it('refuses an offset that is not a whole number of milliseconds', async () => {
    await expect(startSandbox({ port: 0, clockOffsetMs: 1.5 })).rejects.toEqual(
      new AppError('usage', 'The clock offset must be a whole number of milliseconds, not 1.5.'),
    );
  });
});
