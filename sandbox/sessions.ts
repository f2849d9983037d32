import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = '_barong_session';
// Barong keeps a session server side for at most a day, however active it is.
const MAX_SESSION_MS = 24 * 60 * 60 * 1000;

export interface Session {
  id: string;
  uid: string;
  userAgent: string;
  csrfToken: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly idleMs: number;

  constructor(idleSeconds: number) {
    this.idleMs = idleSeconds * 1000;
  }

  open(uid: string, userAgent: string, nowMs = Date.now()): Session {
    const session: Session = {
      id: randomBytes(24).toString('hex'),
      uid,
      userAgent,
      csrfToken: randomBytes(10).toString('hex'),
      createdAtMs: nowMs,
      expiresAtMs: nowMs + this.idleMs,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  find(id: string | undefined): Session | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  isExpired(session: Session, nowMs = Date.now()): boolean {
    return nowMs >= session.expiresAtMs || nowMs >= session.createdAtMs + MAX_SESSION_MS;
  }

  renew(session: Session, nowMs = Date.now()): void {
    session.expiresAtMs = nowMs + this.idleMs;
  }

  destroy(session: Session): void {
    this.sessions.delete(session.id);
  }
}

export const sessionCookie = (session: Session): string => `${SESSION_COOKIE}=${session.id}; path=/; HttpOnly`;
