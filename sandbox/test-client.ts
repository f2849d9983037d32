import { createHmac } from 'node:crypto';
import { createGuardrails, generateSync } from 'otplib';
import { onTestFinished } from 'vitest';
import type { SandboxOptions, SandboxUser } from './start-sandbox';
import { startSandbox } from './start-sandbox';

/**
 * What the sandbox tests share: a small HTTP client that keeps a session like a browser would,
 * API-key headers signed here with node:crypto, and fresh TOTP codes.
 */

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RequestOptions {
  json?: unknown;
  form?: Record<string, string>;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Sends no session cookie even if the client has one. */
  anonymous?: boolean;
}

export class SandboxClient {
  readonly base: string;
  userAgent: string;
  sessionCookie: string | undefined;
  csrfToken: string | undefined;

  constructor(base: string, userAgent = 'sandbox-tests/1.0') {
    this.base = base;
    this.userAgent = userAgent;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'User-Agent': this.userAgent, ...options.headers };
    if (this.sessionCookie && !options.anonymous) headers.Cookie = this.sessionCookie;
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = 'application/json';
    } else if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['Content-Type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(this.base + path, body === undefined ? { method, headers } : { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  /** Logs in and keeps the cookie and the CSRF token for later calls. */
  async login(email: string, password: string, otpCode?: string): Promise<Answer> {
    const answer = await this.request('POST', '/api/v2/barong/identity/sessions', {
      json: { email, password, ...(otpCode === undefined ? {} : { otp_code: otpCode }) },
    });
    const cookie = answer.headers.get('set-cookie');
    if (answer.status === 200 && cookie) {
      this.sessionCookie = cookie.split(';')[0];
      this.csrfToken = (answer.body as { csrf_token: string }).csrf_token;
    }
    return answer;
  }

  /** A cookie-mode write, with the CSRF token of the session. */
  write(method: string, path: string, json: unknown = {}): Promise<Answer> {
    return this.request(method, path, { json, headers: { 'X-CSRF-Token': this.csrfToken ?? '' } });
  }
}

export function signedHeaders(kid: string, secret: string, nonce = String(Date.now())): Record<string, string> {
  return {
    'X-Auth-Apikey': kid,
    'X-Auth-Nonce': nonce,
    'X-Auth-Signature': createHmac('sha256', secret)
      .update(nonce + kid)
      .digest('hex'),
  };
}

export const errorsOf = (answer: Answer): unknown => (answer.body as { errors?: unknown } | undefined)?.errors;

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const PERIOD_S = 30;

export const totpAt = (secret: string, step: number): string => generateSync({ secret, epoch: step * PERIOD_S, guardrails });

/**
 * Hands out codes the server accepts, in increasing time steps, since it refuses a step not later
 * than the last one spent. Two are always good: it starts at the previous period, or at the
 * current one close to the end of a period, when the previous one may expire before the request
 * arrives. Tests that spend more than two codes for one user need more than one server.
 */
export class TotpPad {
  private readonly secret: string;
  private step: number | undefined;

  constructor(secret: string) {
    this.secret = secret;
  }

  /** The next code; `secret` switches to a new seed of the same user (after otp/generate_qrcode). */
  next(secret = this.secret): string {
    if (this.step === undefined) {
      const nowS = Date.now() / 1000;
      const current = Math.floor(nowS / PERIOD_S);
      this.step = nowS - current * PERIOD_S < PERIOD_S - 0.5 ? current - 1 : current;
    } else {
      this.step += 1;
    }
    return totpAt(secret, this.step);
  }

  /** A six-digit code that none of the accepted periods produces. */
  wrong(): string {
    const current = Math.floor(Date.now() / 1000 / PERIOD_S);
    const accepted = new Set([-2, -1, 0, 1, 2].map((offset) => totpAt(this.secret, current + offset)));
    let candidate = 123456;
    while (accepted.has(String(candidate))) candidate += 1;
    return String(candidate);
  }
}

/** A sandbox on a free port for the current test only (closed when it ends), a client, and its users by email. */
export async function startTestSandbox(options: SandboxOptions = {}) {
  const sandbox = await startSandbox({ port: 0, ...options });
  onTestFinished(() => sandbox.close());
  const user = (email: string): SandboxUser => {
    const found = sandbox.users.find((candidate) => candidate.email === email);
    if (!found) throw new Error(`no user ${email}`);
    return found;
  };
  return { sandbox, client: new SandboxClient(sandbox.url), user };
}
