import { MAX_CLOCK_OFFSET_MS } from '../domain/clock';

/**
 * Barong checks a nonce against its own clock, and tells the time only in whole seconds
 * (identity/time, or the HTTP Date header), so the offset is estimated from a round trip.
 */

export interface ClockSample {
  /** Local time (ms) just before the request was sent. */
  sentAtMs: number;
  /** Local time (ms) just after the answer arrived. */
  receivedAtMs: number;
  /** The server's time in whole seconds since the epoch. */
  serverSeconds: number;
}

export interface ClockOffset {
  /** Add to the local clock to get the server's clock, in ms. */
  offsetMs: number;
  /** How far off the estimate may be: half a second of truncation plus half the round trip. */
  uncertaintyMs: number;
  roundTripMs: number;
}

export function estimateClockOffset({ sentAtMs, receivedAtMs, serverSeconds }: ClockSample): ClockOffset {
  if (receivedAtMs < sentAtMs) throw new RangeError('The answer cannot arrive before the request was sent.');
  const roundTripMs = receivedAtMs - sentAtMs;
  // The server truncated its clock to the second: the middle of that second is the best guess.
  const serverMs = serverSeconds * 1000 + 500;
  return {
    offsetMs: Math.round(serverMs - (sentAtMs + receivedAtMs) / 2),
    uncertaintyMs: Math.ceil(500 + roundTripMs / 2),
    roundTripMs,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Parses an HTTP Date header (RFC 9110 IMF-fixdate) to whole seconds, or undefined if it is not one. */
export function parseHttpDate(value: string): number | undefined {
  const match = IMF_FIXDATE.exec(value.trim());
  if (!match) return undefined;
  const [, day, monthName, year, hours, minutes, seconds] = match as unknown as [string, string, string, string, string, string, string];
  const month = MONTHS.indexOf(monthName);
  if (month < 0) return undefined;
  const ms = Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds));
  const parsed = new Date(ms);
  // Reject dates that Date.UTC silently rolled over (31 Feb, 25:00, ...).
  if (parsed.getUTCDate() !== Number(day) || parsed.getUTCHours() !== Number(hours) || Number(seconds) > 59 || Number(minutes) > 59) {
    return undefined;
  }
  return ms / 1000;
}

const heldOffset = (offsetMs: number): number => Math.min(Math.round(offsetMs), MAX_CLOCK_OFFSET_MS);

/**
 * The local clock shifted by the measured offset: what the exchange thinks the time is. An offset
 * ahead is held to MAX_CLOCK_OFFSET_MS whatever sets it, so that no nonce is dated further ahead
 * (and stays valid longer) than the bound that syncing enforces.
 */
export class NonceClock {
  private offsetMs: number;
  private readonly localNow: () => number;

  constructor(offsetMs = 0, localNow: () => number = Date.now) {
    this.offsetMs = heldOffset(offsetMs);
    this.localNow = localNow;
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(offsetMs: number): void {
    this.offsetMs = heldOffset(offsetMs);
  }

  /** The exchange's time in integer ms. */
  now(): number {
    return Math.floor(this.localNow()) + this.offsetMs;
  }

  nonce(): string {
    return String(this.now());
  }

  /** Local time (ms) at which an exchange time occurs: for countdowns shown on this machine. */
  toLocal(exchangeMs: number): number {
    return exchangeMs - this.offsetMs;
  }
}

/**
 * The first exchange time (ms) at which a nonce is refused: Barong rejects
 * |server_now - nonce| >= lifetime.
 */
export function nonceExpiresAt(nonce: string, lifetimeMs: number): number {
  return Number(nonce) + lifetimeMs;
}
