import type { Logger } from '../../logging/logger';
import type { Vault } from '../../vault/vault';
import { ExchangeHttp } from '../exchange-http';
import type { ExchangeHttpOptions } from '../exchange-http';
import { userAgent } from '../user-agent';
import { BarongSession } from './barong-session';
import type { SessionState } from './barong-session';
import { OneTimeCodes, systemClock } from './one-time-codes';
import type { CodeClock } from './one-time-codes';

export interface BarongSessionsOptions {
  vault: Vault;
  /** The app's version, for the User-Agent. */
  appVersion: string;
  logger: Logger;
  clock?: CodeClock;
  /** Replaces the HTTP transport (tests watch or alter requests with it). */
  send?: ExchangeHttpOptions['send'];
}

/**
 * The sessions of every account, in memory only and all dropped when the vault locks. The spent
 * 2FA codes outlive a session: logging in again within the same 30 s must not reuse the code.
 */
export class BarongSessions {
  private readonly options: BarongSessionsOptions;
  private readonly userAgent: string;
  private readonly sessions = new Map<string, { baseUrl: string; session: BarongSession }>();
  private readonly codes = new Map<string, OneTimeCodes>();

  constructor(options: BarongSessionsOptions) {
    this.options = options;
    // One for the whole run: Barong ends a session when another User-Agent shows up.
    this.userAgent = userAgent(options.appVersion);
    options.vault.access.onLock(() => this.dropAll());
  }

  /** The account's session, logged out until `login`; a new one when the account's URL changed. */
  session(accountId: string): BarongSession {
    const { vault, logger, send } = this.options;
    const account = vault.account(accountId);
    const known = this.sessions.get(accountId);
    if (known?.baseUrl === account.baseUrl) return known.session;
    known?.session.drop();
    const http = new ExchangeHttp({
      baseUrl: account.baseUrl,
      userAgent: this.userAgent,
      logger,
      nonceLifetimeMs: account.nonceLifetimeMs,
      ...(send === undefined ? {} : { send }),
    });
    const session = new BarongSession({
      accountId,
      http,
      codes: this.codesOf(accountId),
      totpSeed: () => vault.totpSeed(accountId),
      now: () => (this.options.clock ?? systemClock).now(),
      logger,
    });
    this.sessions.set(accountId, { baseUrl: account.baseUrl, session });
    return session;
  }

  stateOf(accountId: string): SessionState {
    return this.sessions.get(accountId)?.session.state() ?? { status: 'logged_out' };
  }

  dropAll(): void {
    this.sessions.forEach(({ session }) => session.drop());
    this.sessions.clear();
  }

  private codesOf(accountId: string): OneTimeCodes {
    let codes = this.codes.get(accountId);
    if (!codes) {
      codes = new OneTimeCodes(this.options.clock ?? systemClock);
      this.codes.set(accountId, codes);
    }
    return codes;
  }
}
