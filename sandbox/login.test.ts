import { describe, expect, it } from 'vitest';
import { SANDBOX_CAPTCHA_RESPONSE } from './routes/identity';
import { errorsOf, TotpPad, startTestSandbox } from './test-client';

const SESSIONS = '/api/v2/barong/identity/sessions';

const start = startTestSandbox;

const USER_FIELDS = [
  'email',
  'uid',
  'role',
  'level',
  'otp',
  'state',
  'referral_uid',
  'data',
  'username',
  'labels',
  'phones',
  'profiles',
  'data_storages',
  'created_at',
  'updated_at',
];

describe('session login (PROTOCOL.md section 2)', () => {
  it('logs in a user without 2FA: 200, user fields, csrf_token and an HttpOnly session cookie', async () => {
    const { client, user } = await start();
    const { email, password } = user('no2fa@sandbox.test');
    const answer = await client.login(email, password);
    expect(answer.status).toBe(200);
    const body = answer.body as Record<string, unknown>;
    for (const field of USER_FIELDS) expect(body, field).toHaveProperty(field);
    expect(body).toMatchObject({ email, otp: false, state: 'active', role: 'member' });
    expect(typeof body.data).toBe('string');
    expect(body.csrf_token).toMatch(/^[0-9a-f]{20}$/);
    expect(answer.headers.get('set-cookie')).toMatch(/^_barong_session=[^;]+; path=\/; HttpOnly$/);
  });

  it('logs in a user with 2FA given a current code, and accepts a form body', async () => {
    const { client, user } = await start();
    const { email, password, totpSecret } = user('trader@sandbox.test');
    const answer = await client.request('POST', SESSIONS, { form: { email, password, otp_code: new TotpPad(totpSecret ?? '').next() } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ email, otp: true });
  });

  it('lets a pending user log in', async () => {
    const { client, user } = await start();
    const { email, password, totpSecret } = user('pending@sandbox.test');
    const answer = await client.login(email, password, new TotpPad(totpSecret ?? '').next());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ state: 'pending' });
  });

  it('422 missing_email / missing_password, both at once when both are missing', async () => {
    const { client } = await start();
    const noEmail = await client.request('POST', SESSIONS, { json: { password: 'x' } });
    expect([noEmail.status, errorsOf(noEmail)]).toEqual([422, ['identity.session.missing_email']]);
    const noPassword = await client.request('POST', SESSIONS, { json: { email: 'trader@sandbox.test', password: '' } });
    expect([noPassword.status, errorsOf(noPassword)]).toEqual([422, ['identity.session.missing_password']]);
    const neither = await client.request('POST', SESSIONS, { json: {} });
    expect(errorsOf(neither)).toEqual(['identity.session.missing_email', 'identity.session.missing_password']);
  });

  it('401 invalid_params, the same for an unknown email and a wrong password', async () => {
    const { client, user } = await start();
    const unknown = await client.request('POST', SESSIONS, { json: { email: 'nobody@sandbox.test', password: 'x' } });
    const wrong = await client.request('POST', SESSIONS, { json: { email: user('trader@sandbox.test').email, password: 'wrong' } });
    expect([unknown.status, errorsOf(unknown)]).toEqual([401, ['identity.session.invalid_params']]);
    expect([wrong.status, errorsOf(wrong)]).toEqual([401, ['identity.session.invalid_params']]);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('401 banned / deleted / not_active for accounts in those states', async () => {
    const { client, user } = await start();
    const cases = [
      ['banned@sandbox.test', 'identity.session.banned'],
      ['deleted@sandbox.test', 'identity.session.deleted'],
      ['locked@sandbox.test', 'identity.session.not_active'],
    ] as const;
    for (const [email, code] of cases) {
      const answer = await client.login(email, user(email).password);
      expect([answer.status, errorsOf(answer)], email).toEqual([401, [code]]);
    }
  });

  it('401 missing_otp only once the password is right', async () => {
    const { client, user } = await start();
    const { email, password } = user('trader@sandbox.test');
    const wrongPassword = await client.login(email, 'wrong');
    expect(errorsOf(wrongPassword)).toEqual(['identity.session.invalid_params']);
    const noCode = await client.login(email, password);
    expect([noCode.status, errorsOf(noCode)]).toEqual([401, ['identity.session.missing_otp']]);
  });

  it('403 invalid_otp for a wrong code', async () => {
    const { client, user } = await start();
    const { email, password, totpSecret } = user('trader@sandbox.test');
    const pad = new TotpPad(totpSecret ?? '');
    for (const code of [pad.wrong(), 'abcdef', '12345']) {
      const answer = await client.login(email, password, code);
      expect([answer.status, errorsOf(answer)], code).toEqual([403, ['identity.session.invalid_otp']]);
    }
  });

  it('422 totp.error for a code already used in its period', async () => {
    const { client, user } = await start();
    const { email, password, totpSecret } = user('trader@sandbox.test');
    const code = new TotpPad(totpSecret ?? '').next();
    expect((await client.login(email, password, code)).status).toBe(200);
    const again = await client.login(email, password, code);
    expect([again.status, errorsOf(again)]).toEqual([422, ['totp.error']]);
  });

  it('keeps TOTP reuse state per server instance', async () => {
    const first = await start();
    const second = await start();
    const { email, password, totpSecret } = first.user('trader@sandbox.test');
    const code = new TotpPad(totpSecret ?? '').next();
    expect((await first.client.login(email, password, code)).status).toBe(200);
    expect((await second.client.login(email, password, code)).status).toBe(200);
  });

  it('400 captcha.required / 422 captcha.verification_failed when the captcha is on', async () => {
    const { client, user } = await start({ captcha: true });
    const { email, password } = user('no2fa@sandbox.test');
    const missing = await client.request('POST', SESSIONS, { json: { email, password } });
    expect([missing.status, errorsOf(missing)]).toEqual([400, ['identity.captcha.required']]);
    const failed = await client.request('POST', SESSIONS, { json: { email, password, captcha_response: 'robot' } });
    expect([failed.status, errorsOf(failed)]).toEqual([422, ['identity.captcha.verification_failed']]);
    const solved = await client.request('POST', SESSIONS, { json: { email, password, captcha_response: SANDBOX_CAPTCHA_RESPONSE } });
    expect(solved.status).toBe(200);
    const configs = await client.request('GET', '/api/v2/barong/identity/configs');
    expect(configs.body).toMatchObject({ captcha_type: 'recaptcha' });
  });
});
