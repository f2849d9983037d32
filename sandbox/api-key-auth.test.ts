import { describe, expect, it } from 'vitest';
import { signHeaders } from '../app/barong/signature';
import type { RunningSandbox, SandboxOptions } from './start-sandbox';
import { errorsOf, signedHeaders, TotpPad, startTestSandbox } from './test-client';

const ME = '/api/v2/barong/resource/users/me';
const BALANCES = '/api/v2/peatio/account/balances';
const ORDERS = '/api/v2/peatio/market/orders';
const LIFETIME = 5000;

async function start(options: SandboxOptions = {}) {
  const { sandbox, client } = await startTestSandbox({ seed: true, ...options });
  const [traderKey, , viewerKey] = sandbox.apiKeys;
  if (!traderKey || !viewerKey) throw new Error('the seed should give keys');
  return { sandbox, client, traderKey, viewerKey };
}

const secretOf = (sandbox: RunningSandbox, email: string): string => {
  const secret = sandbox.users.find((user) => user.email === email)?.totpSecret;
  if (!secret) throw new Error(`${email} should have 2FA`);
  return secret;
};

describe('API-key authentication (PROTOCOL.md section 1)', () => {
  it('accepts a correctly signed request, Barong and Peatio alike', async () => {
    const { client, traderKey } = await start();
    const me = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'trader@sandbox.test', otp: true, state: 'active' });
    const balances = await client.request('GET', BALANCES, { headers: signedHeaders(traderKey.kid, traderKey.secret) });
    expect(balances.status).toBe(200);
  });

  it("accepts the headers of the app's own signer", async () => {
    const { client, traderKey } = await start();
    const headers = signHeaders({ kid: traderKey.kid, secret: traderKey.secret, nonce: String(Date.now()) });
    const me = await client.request('GET', ME, { headers: { ...headers } });
    expect(me.status).toBe(200);
  });

  it('422 authz.invalid_api_key_headers when one header is missing or blank', async () => {
    const { client, traderKey } = await start();
    const full = signedHeaders(traderKey.kid, traderKey.secret);
    for (const dropped of ['X-Auth-Apikey', 'X-Auth-Nonce', 'X-Auth-Signature']) {
      const headers = Object.fromEntries(Object.entries(full).filter(([name]) => name !== dropped));
      const answer = await client.request('GET', ME, { headers });
      expect(answer.status, dropped).toBe(422);
      expect(errorsOf(answer)).toEqual(['authz.invalid_api_key_headers']);
    }
    const blank = await client.request('GET', ME, { headers: { ...full, 'X-Auth-Nonce': '  ' } });
    expect([blank.status, errorsOf(blank)]).toEqual([422, ['authz.invalid_api_key_headers']]);
  });

  it('401 authz.unexistent_apikey for an unknown kid, before looking at the nonce', async () => {
    const { client } = await start();
    const answer = await client.request('GET', ME, { headers: { ...signedHeaders('0123456789abcdef', 'x'.repeat(32)), 'X-Auth-Nonce': 'abc' } });
    expect([answer.status, errorsOf(answer)]).toEqual([401, ['authz.unexistent_apikey']]);
  });

  it('401 authz.nonce_not_valid_timestamp for a nonce that is not a positive integer, before the signature', async () => {
    const { client, traderKey } = await start();
    for (const nonce of ['abc', '0', '-5', '12.5', '1e12']) {
      const answer = await client.request('GET', ME, { headers: { ...signedHeaders(traderKey.kid, 'wrong-secret', nonce) } });
      expect([answer.status, errorsOf(answer)], nonce).toEqual([401, ['authz.nonce_not_valid_timestamp']]);
    }
  });

  it('401 authz.nonce_expired outside the symmetric window, before the signature', async () => {
    const { client, traderKey } = await start();
    const expired = (nonce: number) => client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret, String(nonce)) });
    for (const nonce of [Date.now() - LIFETIME, Math.floor(Date.now() / 1000), Date.now() + LIFETIME + 1000]) {
      const answer = await expired(nonce);
      expect([answer.status, errorsOf(answer)], String(nonce)).toEqual([401, ['authz.nonce_expired']]);
    }
    const badSignature = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, 'wrong', String(Date.now() - LIFETIME)) });
    expect(errorsOf(badSignature)).toEqual(['authz.nonce_expired']);
  });

  it('accepts a nonce lifetime-1 ms in the future and one well inside the past edge', async () => {
    const { client, traderKey } = await start();
    for (const nonce of [Date.now() + LIFETIME - 1, Date.now() - LIFETIME + 1000]) {
      const answer = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret, String(nonce)) });
      expect(answer.status, String(nonce - Date.now())).toBe(200);
    }
  });

  it('honours a configured nonce lifetime', async () => {
    const { client, traderKey } = await start({ nonceLifetimeMs: 60_000 });
    const old = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret, String(Date.now() - 30_000)) });
    expect(old.status).toBe(200);
    const tooOld = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret, String(Date.now() - 60_000)) });
    expect(errorsOf(tooOld)).toEqual(['authz.nonce_expired']);
  });

  it('401 authz.invalid_signature for a wrong secret or an upper-case signature', async () => {
    const { client, traderKey } = await start();
    const wrong = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, `${traderKey.secret.slice(1)}0`) });
    expect([wrong.status, errorsOf(wrong)]).toEqual([401, ['authz.invalid_signature']]);
    const headers = signedHeaders(traderKey.kid, traderKey.secret);
    headers['X-Auth-Signature'] = (headers['X-Auth-Signature'] ?? '').toUpperCase();
    const upper = await client.request('GET', ME, { headers });
    expect(errorsOf(upper)).toEqual(['authz.invalid_signature']);
  });

  it('accepts the same headers again, on other endpoints and with other bodies (no replay protection)', async () => {
    const { client, traderKey } = await start();
    const headers = signedHeaders(traderKey.kid, traderKey.secret);
    expect((await client.request('GET', ME, { headers })).status).toBe(200);
    expect((await client.request('GET', ME, { headers })).status).toBe(200);
    expect((await client.request('GET', BALANCES, { headers })).status).toBe(200);
    const order = await client.request('POST', ORDERS, { headers, json: { market: 'btcusd', side: 'buy', volume: '0.01', price: '1000' } });
    expect(order.status).toBe(201);
  });

  it('401 authz.apikey_not_active for a disabled key, checked after the signature', async () => {
    const { sandbox, client, traderKey } = await start();
    const pad = new TotpPad(secretOf(sandbox, 'trader@sandbox.test'));
    const disabled = await client.request('PATCH', `/api/v2/barong/resource/api_keys/${traderKey.kid}`, {
      headers: signedHeaders(traderKey.kid, traderKey.secret),
      json: { state: 'disabled', totp_code: pad.next() },
    });
    expect(disabled.status).toBe(200);
    const answer = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret) });
    expect([answer.status, errorsOf(answer)]).toEqual([401, ['authz.apikey_not_active']]);
    const badSignature = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, 'wrong') });
    expect(errorsOf(badSignature)).toEqual(['authz.invalid_signature']);
  });

  it('401 authz.invalid_session when the key owner is no longer active', async () => {
    const { sandbox, client, traderKey } = await start();
    sandbox.admin.setUserState('trader@sandbox.test', 'banned');
    const answer = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret) });
    expect([answer.status, errorsOf(answer)]).toEqual([401, ['authz.invalid_session']]);
  });

  it('401 authz.disabled_2fa when the key owner has 2FA off', async () => {
    const { sandbox, client, traderKey } = await start();
    sandbox.admin.disableUserOtp('trader@sandbox.test');
    const answer = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret) });
    expect([answer.status, errorsOf(answer)]).toEqual([401, ['authz.disabled_2fa']]);
  });

  it('401 authz.invalid_permission when the role may not call the path', async () => {
    const { client, viewerKey } = await start();
    const read = await client.request('GET', BALANCES, { headers: signedHeaders(viewerKey.kid, viewerKey.secret) });
    expect(read.status).toBe(200);
    const write = await client.request('POST', ORDERS, {
      headers: signedHeaders(viewerKey.kid, viewerKey.secret),
      json: { market: 'btcusd', side: 'buy', volume: '0.01', price: '1000' },
    });
    expect([write.status, errorsOf(write)]).toEqual([401, ['authz.invalid_permission']]);
  });

  it('471 authz.restrict.maintenance on private paths when under maintenance, public ones still open', async () => {
    const { client, traderKey } = await start({ maintenance: true });
    const answer = await client.request('GET', ME, { headers: signedHeaders(traderKey.kid, traderKey.secret) });
    expect([answer.status, errorsOf(answer)]).toEqual([471, ['authz.restrict.maintenance']]);
    expect((await client.request('GET', '/api/v2/barong/identity/ping')).status).toBe(200);
  });

  it('401 authz.permission_denied on management paths, even with a valid key', async () => {
    const { client, traderKey } = await start();
    for (const path of ['/api/v2/barong/management/users/get', '/api/v2/peatio/management/deposits']) {
      const answer = await client.request('POST', path, { headers: signedHeaders(traderKey.kid, traderKey.secret) });
      expect([answer.status, errorsOf(answer)], path).toEqual([401, ['authz.permission_denied']]);
    }
  });

  it('ignores API-key headers, even broken ones, on public and identity paths', async () => {
    const { sandbox, client } = await start();
    const broken = { 'X-Auth-Apikey': 'nope', 'X-Auth-Nonce': 'abc' };
    for (const path of ['/api/v2/barong/identity/ping', '/api/v2/barong/identity/time', '/api/v2/peatio/public/markets']) {
      const answer = await client.request('GET', path, { headers: broken });
      expect(answer.status, path).toBe(200);
    }
    const user = sandbox.users.find((candidate) => candidate.email === 'no2fa@sandbox.test');
    const login = await client.request('POST', '/api/v2/barong/identity/sessions', {
      headers: broken,
      json: { email: user?.email, password: user?.password },
    });
    expect(login.status).toBe(200);
  });

  it('401 authz.invalid_session on a private path with neither key nor session', async () => {
    const { client } = await start();
    const answer = await client.request('GET', ME);
    expect([answer.status, errorsOf(answer)]).toEqual([401, ['authz.invalid_session']]);
  });
});
