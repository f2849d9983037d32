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
  private readonly now: () => number;

  constructor(idleSeconds: number, now: () => number) {
    this.idleMs = idleSeconds * 1000;
    this.now = now;
  }

  open(uid: string, userAgent: string): Session {
    const nowMs = this.now();
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

  isExpired(session: Session): boolean {
    const nowMs = this.now();
    return nowMs >= session.expiresAtMs || nowMs >= session.createdAtMs + MAX_SESSION_MS;
  }

  renew(session: Session): void {
    session.expiresAtMs = this.now() + this.idleMs;
  }

  destroy(session: Session): void {
    this.sessions.delete(session.id);
  }
}

export const sessionCookie = (session: Session): string => `${SESSION_COOKIE}=${session.id}; path=/; HttpOnly`;
