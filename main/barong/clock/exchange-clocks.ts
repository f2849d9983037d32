import { AppError } from '../../../app/app-error';
import { NonceClock } from '../../../app/barong/nonce-clock';
import { clockOffsetTooLargeWords, clockSkewWarning, isClockOffsetAllowed } from '../../../app/domain/clock';
import type { ClockSkewWarning } from '../../../app/domain/clock';
import type { Account } from '../../vault/records';
import type { ExchangeHttpSettings } from '../exchange-http-settings';
import { measureClockOffset } from './measure-offset';
import type { MeasuredOffset } from './measure-offset';

export interface ClockReading extends MeasuredOffset {
  /** Set when |offset| > nonce lifetime / 2. */
  warning: ClockSkewWarning | null;
}

export interface ExchangeClocksOptions {
  http: ExchangeHttpSettings;
  /** This computer's clock; tests pass their own. */
  now?: () => number;
  /** Round trips per sync. */
  samples?: number;
}

type ClockAccount = Pick<Account, 'id' | 'baseUrl' | 'nonceLifetimeMs'>;

interface Entry {
  baseUrl: string;
  clock: NonceClock;
  reading: ClockReading | null;
}

/**
 * One exchange clock per account: the offset measured last (0 until the first sync), and a
 * NonceClock that signs with it. Kept in memory only; a restart measures again.
 */
export class ExchangeClocks {
  private readonly options: ExchangeClocksOptions;
  private readonly entries = new Map<string, Entry>();

  constructor(options: ExchangeClocksOptions) {
    this.options = options;
  }

  /** The account's clock. The same object across syncs, so a clock handed out earlier follows them. */
  clock(account: ClockAccount): NonceClock {
    return this.entry(account).clock;
  }

  /** The last sync's result, or null when the account was never synced (or its address changed). */
  reading(account: ClockAccount): ClockReading | null {
    return this.entry(account).reading;
  }

  async sync(account: ClockAccount, signal?: AbortSignal): Promise<ClockReading> {
    const measured = await measureClockOffset(
      { ...this.options.http, baseUrl: account.baseUrl, nonceLifetimeMs: account.nonceLifetimeMs },
      { now: this.options.now, samples: this.options.samples, signal },
    );
    // Whoever answers identity/time sets the offset: beyond the bound, the clock here is refused
    // rather than believed, and the offset signed with stays what it was.
    if (!isClockOffsetAllowed(measured.offsetMs)) throw new AppError('clock.offset_too_large', clockOffsetTooLargeWords(measured.offsetMs));
    const reading: ClockReading = { ...measured, warning: clockSkewWarning(measured, account.nonceLifetimeMs) };
    const entry = this.entry(account);
    entry.clock.setOffset(reading.offsetMs);
    entry.reading = reading;
    return reading;
  }

  private entry(account: ClockAccount): Entry {
    const known = this.entries.get(account.id);
    // An offset measured against another address says nothing about this one.
    if (known?.baseUrl === account.baseUrl) return known;
    const entry: Entry = { baseUrl: account.baseUrl, clock: new NonceClock(0, this.options.now), reading: null };
    this.entries.set(account.id, entry);
    return entry;
  }
}
