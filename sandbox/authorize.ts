import { createHmac, timingSafeEqual } from 'node:crypto';
import { BARONG, PEATIO } from '../app/barong/paths';
import type { SandboxRequest } from './http';
import { headerValue, HttpFailure } from './http';
import { rolePermits } from './permissions';
import type { Session } from './sessions';
import { SESSION_COOKIE } from './sessions';
import type { SandboxState } from './state';
import type { UserRecord } from './users';

export type PathAccess = 'public' | 'denied' | 'private' | 'outside';

const PUBLIC_PREFIXES = [`${BARONG}/identity/`, `${BARONG}/public/`, `${PEATIO}/public/`];
const DENIED_PREFIXES = [`${BARONG}/management/`, `${PEATIO}/management/`];
const API_KEY_HEADERS = ['x-auth-apikey', 'x-auth-nonce', 'x-auth-signature'] as const;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Which of Barong's lists a path falls in; `outside` is neither Barong's nor Peatio's. */
export function classifyPath(path: string): PathAccess {
  if (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))) return 'public';
  if (DENIED_PREFIXES.some((prefix) => path.startsWith(prefix))) return 'denied';
  if (path.startsWith(`${BARONG}/`) || path.startsWith(`${PEATIO}/`)) return 'private';
  return 'outside';
}

/**
 * Barong's authorisation of a private path: API-key mode as soon as one of the three X-Auth
 * headers is there, cookie mode otherwise. Returns the caller, or throws the documented refusal.
 */
export function authorize(request: SandboxRequest, state: SandboxState): UserRecord {
  const usesApiKey = API_KEY_HEADERS.some((name) => request.headers[name] !== undefined);
  const { user, session } = usesApiKey ? { user: apiKeyOwner(request, state), session: undefined } : sessionOwner(request, state);
  if (!rolePermits(user.role, request.method, request.path)) throw new HttpFailure(401, 'authz.invalid_permission');
  if (state.config.maintenance) throw new HttpFailure(471, 'authz.restrict.maintenance');
  if (session) state.sessions.renew(session);
  return user;
}

/** The checks of PROTOCOL.md section 1, in Barong's order. */
function apiKeyOwner(request: SandboxRequest, state: SandboxState): UserRecord {
  const kid = headerValue(request.headers, 'x-auth-apikey') ?? '';
  const nonce = headerValue(request.headers, 'x-auth-nonce') ?? '';
  const signature = headerValue(request.headers, 'x-auth-signature') ?? '';
  if ([kid, nonce, signature].some((value) => value.trim() === '')) throw new HttpFailure(422, 'authz.invalid_api_key_headers');
  const key = state.apiKeys.find(kid);
  if (!key) throw new HttpFailure(401, 'authz.unexistent_apikey');
  if (!/^\d+$/.test(nonce) || Number(nonce) <= 0) throw new HttpFailure(401, 'authz.nonce_not_valid_timestamp');
  // Symmetric on purpose, as Barong 2.4.5 and later: a nonce from the near future passes too.
  if (Math.abs(state.now() - Number(nonce)) >= state.config.nonceLifetimeMs) throw new HttpFailure(401, 'authz.nonce_expired');
  // Recomputed here rather than with the app's signer, so a bug there cannot hide itself.
  const expected = Buffer.from(
    createHmac('sha256', key.secret)
      .update(nonce + kid)
      .digest('hex'),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpFailure(401, 'authz.invalid_signature');
  if (key.state !== 'active') throw new HttpFailure(401, 'authz.apikey_not_active');
  const owner = state.users.findByUid(key.uid);
  if (!owner || owner.state !== 'active') throw new HttpFailure(401, 'authz.invalid_session');
  if (!owner.otp) throw new HttpFailure(401, 'authz.disabled_2fa');
  return owner;
}

/**
 * Cookie mode. Barong also binds a session to the client's IPv4 /16 (IPv6 /96); the sandbox
 * listens on loopback only, where every client shares one address, so that check is left out.
 */
function sessionOwner(request: SandboxRequest, state: SandboxState): { user: UserRecord; session: Session } {
  const csrfToken = headerValue(request.headers, 'x-csrf-token');
  const needsCsrf = WRITE_METHODS.has(request.method);
  if (needsCsrf && (csrfToken === undefined || csrfToken.trim() === '')) throw new HttpFailure(401, 'authz.missing_csrf_token');
  const session = state.sessions.find(request.cookies[SESSION_COOKIE]);
  if (!session) throw new HttpFailure(401, 'authz.invalid_session');
  if (session.userAgent !== (headerValue(request.headers, 'user-agent') ?? '')) {
    state.sessions.destroy(session);
    throw new HttpFailure(401, 'authz.client_session_mismatch');
  }
  if (state.sessions.isExpired(session)) {
    state.sessions.destroy(session);
    throw new HttpFailure(401, 'authz.invalid_session');
  }
  const user = state.users.findByUid(session.uid);
  // Pending users may log in, so their sessions stay valid; any other state ends the session's use.
  if (!user || (user.state !== 'active' && user.state !== 'pending')) throw new HttpFailure(401, 'authz.user_not_active');
  if (needsCsrf && csrfToken !== session.csrfToken) throw new HttpFailure(401, 'authz.csrf_token_mismatch');
  return { user, session };
}
