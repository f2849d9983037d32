import { barongPaths } from '../../app/barong/paths';
import type { Call, Route } from '../router';
import { headerValue, HttpFailure, json, presentParam } from '../http';
import { SESSION_COOKIE, sessionCookie } from '../sessions';
import { spendTotpCode } from '../totp';
import type { UserRecord } from '../users';
import { presentUser } from '../users';

// What the sandbox accepts as a solved captcha when the captcha option is on.
export const SANDBOX_CAPTCHA_RESPONSE = 'sandbox-captcha-ok';

// Barong's default password policy, reported by identity/configs.
const PASSWORD_MIN_ENTROPY = 14;

const unixSeconds = ({ state }: Call): number => Math.floor(state.now() / 1000);

/** PROTOCOL.md section 2, row by row. */
function login({ request, state }: Call) {
  const email = presentParam(request.params, 'email');
  const password = presentParam(request.params, 'password');
  const missing = [
    ...(email === undefined ? ['identity.session.missing_email'] : []),
    ...(password === undefined ? ['identity.session.missing_password'] : []),
  ];
  if (email === undefined || password === undefined) throw new HttpFailure(422, ...missing);
  if (state.config.captcha) {
    const captcha = presentParam(request.params, 'captcha_response');
    if (captcha === undefined) throw new HttpFailure(400, 'identity.captcha.required');
    if (captcha !== SANDBOX_CAPTCHA_RESPONSE) throw new HttpFailure(422, 'identity.captcha.verification_failed');
  }
  const user = state.users.findByEmail(email);
  if (!user) throw new HttpFailure(401, 'identity.session.invalid_params');
  // Barong looks at the account state before the password, so a banned account says so to anyone.
  refuseInactive(user);
  if (user.password !== password) throw new HttpFailure(401, 'identity.session.invalid_params');
  if (user.otp && user.totpSecret !== null) {
    const code = presentParam(request.params, 'otp_code');
    if (code === undefined) throw new HttpFailure(401, 'identity.session.missing_otp');
    const outcome = spendTotpCode(user, user.totpSecret, code, state.now());
    if (outcome === 'invalid') throw new HttpFailure(403, 'identity.session.invalid_otp');
    if (outcome === 'reused') throw new HttpFailure(422, 'totp.error');
  }
  const session = state.sessions.open(user.uid, headerValue(request.headers, 'user-agent') ?? '');
  return json(200, { ...presentUser(user), csrf_token: session.csrfToken }, { 'Set-Cookie': sessionCookie(session) });
}

function refuseInactive(user: UserRecord): void {
  if (user.state === 'banned') throw new HttpFailure(401, 'identity.session.banned');
  if (user.state === 'deleted') throw new HttpFailure(401, 'identity.session.deleted');
  if (user.state !== 'active' && user.state !== 'pending') throw new HttpFailure(401, 'identity.session.not_active');
}

function logout({ request, state }: Call) {
  const session = state.sessions.find(request.cookies[SESSION_COOKIE]);
  if (!session) throw new HttpFailure(404, 'identity.session.not_found');
  state.sessions.destroy(session);
  return json(200, {});
}

export const identityRoutes: readonly Route[] = [
  { method: 'GET', path: barongPaths.ping, handle: () => json(200, { ping: 'pong' }) },
  { method: 'GET', path: barongPaths.time, handle: (call) => json(200, { time: unixSeconds(call) }) },
  { method: 'GET', path: barongPaths.publicTime, handle: (call) => json(200, { time: unixSeconds(call) }) },
  {
    method: 'GET',
    path: barongPaths.configs,
    handle: ({ state }) =>
      json(200, {
        session_expire_time: state.config.sessionExpireS,
        captcha_type: state.config.captcha ? 'recaptcha' : 'none',
        captcha_id: null,
        password_min_entropy: PASSWORD_MIN_ENTROPY,
      }),
  },
  { method: 'POST', path: barongPaths.sessions, handle: login },
  { method: 'DELETE', path: barongPaths.sessions, handle: logout },
];
