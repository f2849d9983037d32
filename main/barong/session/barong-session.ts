import { barongPaths, peatioPaths } from '../../../app/barong/paths';
import type { HttpMethod, JsonValue } from '../../../app/commands/request';
import { balancesSchema } from '../../../app/domain/balances';
import type { Balance } from '../../../app/domain/balances';
import type { CodePurpose } from '../../../app/domain/two-factor';
import type { Logger } from '../../logging/logger';
import { ExchangeError } from '../exchange-error';
import type { ExchangeAnswer, ExchangeHttp } from '../exchange-http';
import { CookieJar } from './cookie-jar';
import { parseConfigs, parseLoginAnswer } from './login-answer';
import type { ExchangeConfigs, SessionUser } from './login-answer';
import type { OneTimeCodes, WaitProgress } from './one-time-codes';
import { sessionErrors } from './session-errors';

/** How an operation that needs a 2FA code gets one. */
export interface CodeOptions {
  /** Asked when the account has no stored 2FA seed: the code the trader types. */
  askCode?: (purpose: CodePurpose) => Promise<string>;
  /** While waiting for the next 30 s period, because this one's code was already spent. */
  onWait?: WaitProgress;
}

/** What the UI may know about a session: never the cookie or the CSRF token. */
export type SessionState =
  { status: 'logged_out' } | { status: 'logged_in'; user: SessionUser; idleExpiresAt: number | null } | { status: 'expired'; user: SessionUser };

export interface SessionRequest {
  method: HttpMethod;
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  json?: JsonValue;
}

export interface BarongSessionOptions {
  accountId: string;
  http: ExchangeHttp;
  codes: OneTimeCodes;
  /** The account's stored 2FA seed, or null; read at each use, never kept. */
  totpSeed: () => string | null;
  now: () => number;
  logger: Logger;
}

interface Live {
  user: SessionUser;
  jar: CookieJar;
  csrfToken: string;
  idleExpiresAt: number | null;
}

type Held = { status: 'logged_out' } | { status: 'logged_in'; live: Live } | { status: 'expired'; user: SessionUser };

const WRITES = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);
// The session is over on the exchange's side: only a new login helps.
const SESSION_ENDED = new Set(['authz.invalid_session', 'authz.client_session_mismatch']);

const isCode = (error: unknown, code: string): error is ExchangeError => error instanceof ExchangeError && error.code === code;

/**
 * One account's cookie session with its exchange, in memory only: login in two steps (2FA code
 * only when asked for), the cookie and CSRF token on every call, and the end of the session
 * noticed and reported as such.
 */
export class BarongSession {
  private readonly options: BarongSessionOptions;
  private held: Held = { status: 'logged_out' };
  private idleSeconds: number | undefined;
  // Counts drops: a login still in flight when the vault locks must not bring the session back.
  private drops = 0;

  constructor(options: BarongSessionOptions) {
    this.options = options;
  }

  get accountId(): string {
    return this.options.accountId;
  }

  state(): SessionState {
    const held = this.held;
    if (held.status !== 'logged_in') return held;
    return { status: 'logged_in', user: held.live.user, idleExpiresAt: held.live.idleExpiresAt };
  }

  /**
   * Email and password first, which spends no code where 2FA is off; on `missing_otp`, again with
   * a code from the stored seed or from the trader.
   */
  async login(credentials: { email: string; password: string }, codeOptions: CodeOptions = {}): Promise<SessionUser> {
    this.drop();
    const drops = this.drops;
    const send = (extra: { otp_code?: string }) =>
      this.options.http.request({ method: 'POST', path: barongPaths.sessions, json: { email: credentials.email, password: credentials.password, ...extra } });
    let answer: ExchangeAnswer;
    try {
      answer = await send({});
    } catch (error) {
      if (!isCode(error, 'identity.session.missing_otp')) throw error;
      answer = await this.withCode('login', codeOptions, (code) => send({ otp_code: code }));
    }
    const { user, csrfToken } = parseLoginAnswer(answer.body);
    if (this.drops !== drops) throw sessionErrors.loggedOut();
    const jar = new CookieJar();
    jar.store(answer.headers['set-cookie']);
    if (jar.size === 0) throw sessionErrors.noSession();
    this.held = { status: 'logged_in', live: { user, jar, csrfToken, idleExpiresAt: null } };
    this.idleSeconds ??= (await this.readConfigs())?.idleExpirySeconds;
    this.renewed();
    if (this.drops !== drops) throw sessionErrors.loggedOut();
    this.options.logger.info('session.login', { accountId: this.accountId, otp: user.otp });
    return user;
  }

  /**
   * Whether the exchange asks for a captcha at login (identity/configs' `captcha_type` other than
   * `none`), which the app cannot show. False when configs cannot be read: the login then tells.
   */
  async loginNeedsCaptcha(): Promise<boolean> {
    const captchaType = (await this.readConfigs())?.captchaType;
    return captchaType !== undefined && captchaType !== 'none';
  }

  /** Ends the session here at once, then on the exchange; one it no longer knows is fine. */
  async logout(): Promise<void> {
    const cookie = this.held.status === 'logged_in' ? this.held.live.jar.header() : undefined;
    this.drop();
    if (cookie === undefined) return;
    try {
      await this.options.http.request({ method: 'DELETE', path: barongPaths.sessions, headers: { Cookie: cookie } });
    } catch (error) {
      if (!(error instanceof ExchangeError && (error.code === 'identity.session.not_found' || SESSION_ENDED.has(error.code)))) throw error;
    }
    this.options.logger.info('session.logout', { accountId: this.accountId });
  }

  /** Forgets the session without telling the exchange: the vault was locked. */
  drop(): void {
    if (this.held.status === 'logged_in') this.held.live.jar.clear();
    this.held = { status: 'logged_out' };
    this.drops += 1;
  }

  /** A call with the session's cookie, plus its CSRF token on writes. */
  async request(request: SessionRequest): Promise<ExchangeAnswer> {
    const live = this.live();
    const headers: Record<string, string> = {};
    const cookie = live.jar.header();
    if (cookie !== undefined) headers.Cookie = cookie;
    if (WRITES.has(request.method)) headers['X-CSRF-Token'] = live.csrfToken;
    try {
      const answer = await this.options.http.request({ ...request, headers });
      if (this.isCurrent(live)) {
        live.jar.store(answer.headers['set-cookie']);
        this.renewed();
      }
      return answer;
    } catch (error) {
      if (!(error instanceof ExchangeError && SESSION_ENDED.has(error.code))) throw error;
      if (this.isCurrent(live)) this.expire(live);
      this.options.logger.warn('session.ended', { accountId: this.accountId, code: error.code });
      // The mismatch keeps its own code: it says why (another program or network), not just when.
      throw error.code === 'authz.invalid_session' ? sessionErrors.expired(error.status) : error;
    }
  }

  /** "Validate session": the balances, which only a live session can read. */
  async balances(): Promise<Balance[]> {
    const answer = await this.request({ method: 'GET', path: peatioPaths.balances });
    const parsed = balancesSchema.safeParse(answer.body);
    if (!parsed.success)
      throw new ExchangeError('exchange.unexpected_body', 'The exchange answered the balances with something else.', { status: answer.status });
    return parsed.data;
  }

  /**
   * Runs `send` with a fresh 2FA code: from the stored seed (waiting for the next period when this
   * one is spent) or typed by the trader (refused here when it was just used). The code counts as
   * spent once sent, whatever the answer.
   */
  async withCode<T>(purpose: CodePurpose, codeOptions: CodeOptions, send: (code: string) => Promise<T>): Promise<T> {
    // Checked first, so that no code is spent and no period waited for a call that cannot go out.
    if (purpose !== 'login') this.live();
    const { codes } = this.options;
    const seed = this.options.totpSeed();
    let code: string;
    if (seed !== null) {
      code = await codes.fromSeed(seed, codeOptions.onWait);
    } else if (codeOptions.askCode) {
      code = (await codeOptions.askCode(purpose)).trim();
      codes.checkTyped(code);
    } else {
      throw sessionErrors.codeNeeded();
    }
    codes.spend(code);
    try {
      return await send(code);
    } catch (error) {
      if (isCode(error, 'totp.error')) codes.spentElsewhere();
      throw error;
    }
  }

  private live(): Live {
    if (this.held.status === 'logged_in') return this.held.live;
    throw this.held.status === 'expired' ? sessionErrors.expired() : sessionErrors.loggedOut();
  }

  private isCurrent(live: Live): boolean {
    return this.held.status === 'logged_in' && this.held.live === live;
  }

  private expire(live: Live): void {
    live.jar.clear();
    this.held = { status: 'expired', user: live.user };
  }

  private renewed(): void {
    if (this.held.status !== 'logged_in' || this.idleSeconds === undefined) return;
    this.held.live.idleExpiresAt = this.options.now() + this.idleSeconds * 1000;
  }

  private async readConfigs(): Promise<ExchangeConfigs | undefined> {
    try {
      return parseConfigs((await this.options.http.request({ method: 'GET', path: barongPaths.configs })).body);
    } catch {
      // Older servers lack identity/configs: the UI then shows no countdown, and the plain login form.
      return undefined;
    }
  }
}
