import { describe, expect, it, vi } from 'vitest';
import { explainError } from '../../../app/barong/error-catalogue';
import { barongPaths, peatioPaths } from '../../../app/barong/paths';
import { PASSPHRASE } from '../../vault/tests/vault-fixture';
import { APP_VERSION, exchangeFixture, frozenClock, NO_2FA, paramsOf, SandboxClient, TRADER, codeAt, rejection } from '../tests/barong-exchange';
import { userAgent } from '../user-agent';

const loginPosts = (exchanged: Awaited<ReturnType<typeof exchangeFixture>>['exchanged']) =>
  exchanged.filter(({ request }) => request.method === 'POST' && request.url.endsWith(barongPaths.sessions)).map(({ request }) => paramsOf(request));

/** The cookie the last successful login set, as a browser would send it back. */
function lastSessionCookie(exchanged: Awaited<ReturnType<typeof exchangeFixture>>['exchanged']): string {
  const login = exchanged.findLast(({ request, response }) => request.url.endsWith(barongPaths.sessions) && response?.status === 200);
  const cookie = login?.response?.headers['set-cookie']?.[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie was set');
  return cookie;
}

describe('session login', () => {
  it('logs in without 2FA in one step, spending no code, and reports who is logged in', async () => {
    const { session, exchanged, user } = await exchangeFixture();
    const askCode = vi.fn(async () => '000000');

    await session.login(user(NO_2FA), { askCode });

    expect(askCode).not.toHaveBeenCalled();
    expect(loginPosts(exchanged)).toEqual([{ email: NO_2FA, password: user(NO_2FA).password }]);
    const state = session.state();
    expect(state).toMatchObject({ status: 'logged_in', user: { email: NO_2FA, uid: 'ID0000000002', level: 3, otp: false, state: 'active' } });
    // Idle expiry from identity/configs (1800 s by default), counted from the last call.
    expect(state.status === 'logged_in' && state.idleExpiresAt).toBeGreaterThan(Date.now() + 1_790_000);
  });

  it('logs in with 2FA in two steps, with the code from the stored seed', async () => {
    const clock = frozenClock();
    const { session, vault, account, exchanged, user } = await exchangeFixture({ clock });
    vault.setTotpSeed(account.id, user(TRADER).totpSecret);

    await session.login(user(TRADER));

    const { password, totpSecret } = user(TRADER);
    expect(loginPosts(exchanged)).toEqual([
      { email: TRADER, password },
      { email: TRADER, password, otp_code: codeAt(totpSecret, clock.now()) },
    ]);
    expect(session.state()).toMatchObject({ status: 'logged_in', user: { email: TRADER, otp: true } });
  });

  it('asks the trader for the code when no seed is stored', async () => {
    const clock = frozenClock();
    const { session, user } = await exchangeFixture({ clock });
    const askCode = vi.fn(async () => codeAt(user(TRADER).totpSecret, clock.now()));

    await session.login(user(TRADER), { askCode });

    expect(askCode).toHaveBeenCalledExactlyOnceWith('login');
    expect(session.state().status).toBe('logged_in');
  });

  it('says a code is needed when there is neither a seed nor a way to ask', async () => {
    const { session, user } = await exchangeFixture();
    const error = await rejection(session.login(user(TRADER)));
    expect(error.code).toBe('session.code_needed');
    expect(error.message).toContain('2FA');
    expect(session.state()).toEqual({ status: 'logged_out' });
  });

  // PROTOCOL.md section 2, row by row, as the client reports it. `identity.session.missing_otp`
  // is the row the client answers itself (the tests above); `identity.captcha.verification_failed`
  // cannot happen, since the client never sends a captcha answer.
  const rows: Array<{ row: string; status: number; code: string; email?: string; password?: string; typed?: 'wrong' | 'spent-elsewhere'; captcha?: boolean }> =
    [
      { row: 'email missing', email: '', status: 422, code: 'identity.session.missing_email' },
      { row: 'password missing', password: '', status: 422, code: 'identity.session.missing_password' },
      { row: 'wrong password', password: 'Not-The-Password-1', status: 401, code: 'identity.session.invalid_params' },
      { row: 'unknown email', email: 'nobody@sandbox.test', status: 401, code: 'identity.session.invalid_params' },
      { row: 'banned', email: 'banned@sandbox.test', status: 401, code: 'identity.session.banned' },
      { row: 'deleted', email: 'deleted@sandbox.test', status: 401, code: 'identity.session.deleted' },
      { row: 'not active', email: 'locked@sandbox.test', status: 401, code: 'identity.session.not_active' },
      { row: 'wrong code', typed: 'wrong', status: 403, code: 'identity.session.invalid_otp' },
      { row: 'code already used elsewhere', typed: 'spent-elsewhere', status: 422, code: 'totp.error' },
      { row: 'captcha required', captcha: true, status: 400, code: 'identity.captcha.required' },
    ];

  it.each(rows)('reports "$row" as $code ($status) with the catalogue\'s words', async (row) => {
    const clock = frozenClock();
    const { sandbox, session, user } = await exchangeFixture({ clock, sandbox: { captcha: row.captcha ?? false } });
    const known = sandbox.users.find((candidate) => candidate.email === row.email);
    const email = row.email ?? TRADER;
    const password = row.password ?? known?.password ?? user(TRADER).password;
    const current = codeAt(user(TRADER).totpSecret, clock.now());
    if (row.typed === 'spent-elsewhere') expect((await new SandboxClient(sandbox.url).login(TRADER, password, current)).status).toBe(200);
    const typed = row.typed === 'wrong' ? String((Number(current) + 500_000) % 1_000_000).padStart(6, '0') : current;

    const error = await rejection(session.login({ email, password }, { askCode: async () => typed }));

    expect({ code: error.code, status: error.status, message: error.message }).toEqual({
      code: row.code,
      status: row.status,
      message: explainError(row.code).message,
    });
    expect(error.action).not.toBe('');
    expect(session.state()).toEqual({ status: 'logged_out' });
  });
});

describe('what the login asks for', () => {
  it('knows from identity/configs, before any password, that the login needs a captcha', async () => {
    const { session, exchanged } = await exchangeFixture({ sandbox: { captcha: true } });
    expect(await session.loginNeedsCaptcha()).toBe(true);
    expect(exchanged.map(({ request }) => [request.method, new URL(request.url).pathname])).toEqual([['GET', barongPaths.configs]]);
  });

  it('needs no captcha where configs say none', async () => {
    const { session } = await exchangeFixture();
    expect(await session.loginNeedsCaptcha()).toBe(false);
  });

  it('assumes none when configs cannot be read, as on an older server', async () => {
    const { session, control } = await exchangeFixture({ sandbox: { captcha: true } });
    control.rewrite = (request) => ({ ...request, url: request.url.replace('/identity/configs', '/identity/no-such-configs') });
    expect(await session.loginNeedsCaptcha()).toBe(false);
  });
});

describe('2FA codes are spent once', () => {
  it('refuses locally a typed code equal to the one just spent, without sending it', async () => {
    const clock = frozenClock();
    const { session, exchanged, user } = await exchangeFixture({ clock });
    const code = codeAt(user(TRADER).totpSecret, clock.now());
    await session.login(user(TRADER), { askCode: async () => code });
    const sentBefore = exchanged.length;

    const again = await rejection(session.withCode('create-key', { askCode: async () => code }, async () => 'sent'));
    const relogin = await rejection(session.login(user(TRADER), { askCode: async () => code }));

    for (const error of [again, relogin]) {
      expect(error.code).toBe('session.code_spent');
      expect(error.message).toContain('wait for the next code');
    }
    // The second login sent email and password (no code yet), never the spent code.
    expect(exchanged.slice(sentBefore).map(({ request }) => paramsOf(request).otp_code)).toEqual([undefined]);
  });
});

describe('a live session', () => {
  it('validates itself by reading the balances', async () => {
    const { session, user } = await exchangeFixture();
    await session.login(user(NO_2FA));
    const balances = await session.balances();
    expect(balances.length).toBeGreaterThan(0);
    expect(balances[0]).toEqual({ currency: expect.any(String), balance: expect.any(String), locked: expect.any(String) });
  });

  it('sends one fixed User-Agent, and reports the session ended when another one was seen', async () => {
    const { session, exchanged, control, user } = await exchangeFixture();
    await session.login(user(NO_2FA));
    await session.balances();
    expect(new Set(exchanged.map(({ request }) => request.headers['User-Agent']))).toEqual(new Set([userAgent(APP_VERSION)]));

    control.rewrite = (request) => ({ ...request, headers: { ...request.headers, 'User-Agent': 'curl/8.5.0' } });
    const mismatch = await rejection(session.balances());
    control.rewrite = (request) => request;

    expect(mismatch.code).toBe('authz.client_session_mismatch');
    expect(mismatch.action).toBe('Log in again.');
    expect(session.state()).toMatchObject({ status: 'expired', user: { email: NO_2FA } });
    const sentBefore = exchanged.length;
    expect((await rejection(session.balances())).code).toBe('session.expired');
    expect(exchanged.length).toBe(sentBefore);
  });

  it('turns the exchange\'s authz.invalid_session after the idle expiry into "expired: log in again"', async () => {
    const { session, user } = await exchangeFixture({ sandbox: { sessionExpireS: 1 } });
    await session.login(user(NO_2FA));
    const state = session.state();
    const expiresAt = state.status === 'logged_in' ? state.idleExpiresAt : null;
    if (expiresAt === null) throw new Error('expected an idle expiry from identity/configs');
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(1000);

    // The one real wait of these tests: the sandbox's idle expiry of one second.
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 150));
    const error = await rejection(session.balances());

    expect({ code: error.code, status: error.status }).toEqual({ code: 'session.expired', status: 401 });
    expect(error.message).toContain('log in again');
    expect(session.state()).toMatchObject({ status: 'expired', user: { email: NO_2FA } });
  });

  it('logs out on the exchange, and takes a session the exchange no longer knows as logged out', async () => {
    const { sandbox, session, exchanged, user } = await exchangeFixture();
    await session.login(user(NO_2FA));
    const cookie = lastSessionCookie(exchanged);
    await session.logout();
    expect(exchanged.at(-1)?.request).toMatchObject({ method: 'DELETE', url: `${sandbox.url}${barongPaths.sessions}` });
    expect(session.state()).toEqual({ status: 'logged_out' });
    const reused = await fetch(`${sandbox.url}${peatioPaths.balances}`, { headers: { Cookie: cookie, 'User-Agent': userAgent(APP_VERSION) } });
    expect(reused.status).toBe(401);

    await session.login(user(NO_2FA));
    const live = lastSessionCookie(exchanged);
    await fetch(`${sandbox.url}${barongPaths.sessions}`, { method: 'DELETE', headers: { Cookie: live, 'User-Agent': userAgent(APP_VERSION) } });
    await session.logout();
    expect(exchanged.at(-1)?.response?.status).toBe(404);
    expect(session.state()).toEqual({ status: 'logged_out' });
  });

  it('is dropped, with every other session, when the vault locks', async () => {
    const { sessions, session, vault, account, exchanged, user } = await exchangeFixture();
    await session.login(user(NO_2FA));
    vault.access.lock();
    expect(sessions.stateOf(account.id)).toEqual({ status: 'logged_out' });
    expect(session.state()).toEqual({ status: 'logged_out' });
    const sentBefore = exchanged.length;
    expect((await rejection(session.balances())).code).toBe('session.logged_out');
    expect(exchanged.length).toBe(sentBefore);
    await vault.access.unlock(PASSPHRASE);
    expect(sessions.session(account.id)).not.toBe(session);
  });

  it('stays dropped when the vault locks while a login is on its way', async () => {
    const { sessions, vault, account, control, user } = await exchangeFixture();
    const session = sessions.session(account.id);
    control.rewrite = (request) => {
      if (request.url.endsWith(barongPaths.sessions)) vault.access.lock();
      return request;
    };
    expect((await rejection(session.login(user(NO_2FA)))).code).toBe('session.logged_out');
    expect(session.state()).toEqual({ status: 'logged_out' });
  });
});
