import { describe, expect, it } from 'vitest';
import type { SandboxOptions } from './start-sandbox';
import { errorsOf, signedHeaders, startTestSandbox } from './test-client';

const ME = '/api/v2/barong/resource/users/me';
const SESSIONS = '/api/v2/barong/identity/sessions';
const QRCODE = '/api/v2/barong/resource/otp/generate_qrcode';

/** A sandbox and a client logged in as the user without 2FA. */
async function loggedIn(options: SandboxOptions = {}) {
  const { sandbox, client, user } = await startTestSandbox(options);
  const { email, password } = user('no2fa@sandbox.test');
  const login = await client.login(email, password);
  expect(login.status).toBe(200);
  return { sandbox, client };
}

describe('the session (PROTOCOL.md section 2)', () => {
  it('authorises private calls with the cookie', async () => {
    const { client } = await loggedIn();
    const me = await client.request('GET', ME);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'no2fa@sandbox.test' });
    expect(me.body).not.toHaveProperty('csrf_token');
  });

  it('401 authz.client_session_mismatch for another User-Agent, which also ends the session', async () => {
    const { client } = await loggedIn();
    const original = client.userAgent;
    client.userAgent = 'another-program/2.0';
    const other = await client.request('GET', ME);
    expect([other.status, errorsOf(other)]).toEqual([401, ['authz.client_session_mismatch']]);
    client.userAgent = original;
    const after = await client.request('GET', ME);
    expect(errorsOf(after)).toEqual(['authz.invalid_session']);
  });

  it('401 authz.invalid_session after the idle expiry', async () => {
    const { client } = await loggedIn({ sessionExpireS: 1 });
    expect((await client.request('GET', ME)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const expired = await client.request('GET', ME);
    expect([expired.status, errorsOf(expired)]).toEqual([401, ['authz.invalid_session']]);
  });

  it('reports the idle expiry in identity/configs', async () => {
    const { client } = await loggedIn({ sessionExpireS: 900 });
    const configs = await client.request('GET', '/api/v2/barong/identity/configs');
    expect(configs.body).toMatchObject({ session_expire_time: 900, captcha_type: 'none' });
    expect(typeof (configs.body as { password_min_entropy: unknown }).password_min_entropy).toBe('number');
  });

  it('401 authz.invalid_session for an unknown cookie', async () => {
    const { client } = await loggedIn();
    client.sessionCookie = '_barong_session=forged';
    const answer = await client.request('GET', ME);
    expect([answer.status, errorsOf(answer)]).toEqual([401, ['authz.invalid_session']]);
  });

  it('401 authz.missing_csrf_token on a cookie write without the token, checked before the session', async () => {
    const { client } = await loggedIn();
    const withSession = await client.request('POST', QRCODE);
    expect([withSession.status, errorsOf(withSession)]).toEqual([401, ['authz.missing_csrf_token']]);
    const withoutSession = await client.request('POST', QRCODE, { anonymous: true });
    expect([withoutSession.status, errorsOf(withoutSession)]).toEqual([401, ['authz.missing_csrf_token']]);
  });

  it('401 authz.csrf_token_mismatch for a token from another session', async () => {
    const { client } = await loggedIn();
    const answer = await client.request('POST', QRCODE, { headers: { 'X-CSRF-Token': '0'.repeat(20) } });
    expect([answer.status, errorsOf(answer)]).toEqual([401, ['authz.csrf_token_mismatch']]);
    const right = await client.write('POST', QRCODE);
    expect(right.status).toBe(201);
  });

  it('needs no CSRF token on GET, on identity paths or in API-key mode', async () => {
    const { sandbox, client } = await startTestSandbox({ seed: true });
    const key = sandbox.apiKeys[0];
    const signed = await client.request('POST', '/api/v2/peatio/market/orders/cancel', { headers: signedHeaders(key?.kid ?? '', key?.secret ?? ''), json: {} });
    expect(signed.status).toBe(201);
    const user = sandbox.users.find((candidate) => candidate.email === 'no2fa@sandbox.test');
    expect((await client.login(user?.email ?? '', user?.password ?? '')).status).toBe(200);
    expect((await client.request('GET', ME)).status).toBe(200);
    expect((await client.request('DELETE', SESSIONS)).status).toBe(200);
  });

  it('401 authz.user_not_active when the account stops being active', async () => {
    const { sandbox, client } = await loggedIn();
    sandbox.admin.setUserState('no2fa@sandbox.test', 'banned');
    const answer = await client.request('GET', ME);
    expect([answer.status, errorsOf(answer)]).toEqual([401, ['authz.user_not_active']]);
  });

  it('logs out with 200, then 404 identity.session.not_found, and the cookie no longer works', async () => {
    const { client } = await loggedIn();
    const out = await client.request('DELETE', SESSIONS);
    expect(out.status).toBe(200);
    const again = await client.request('DELETE', SESSIONS);
    expect([again.status, errorsOf(again)]).toEqual([404, ['identity.session.not_found']]);
    expect(errorsOf(await client.request('GET', ME))).toEqual(['authz.invalid_session']);
  });
});
