/**
 * Rules about the exchange's clock. Barong refuses a nonce more than the nonce lifetime away from
 * its clock; the vault signs with its estimate of that clock, which is this computer's plus an offset.
 */

/** Where a measured offset came from: the time endpoint, or the Date header when the exchange hides it. */
export const CLOCK_SOURCES = ['identity/time', 'date-header'] as const;
export type ClockSource = (typeof CLOCK_SOURCES)[number];

export const DEFAULT_NONCE_LIFETIME_MS = 5000;
/** The nonce lifetimes an account may name: Barong's default is 5 s. */
export const NONCE_LIFETIME_RANGE_MS = { min: 1000, max: 600_000 } as const;

/**
 * The largest clock offset the vault accepts from an exchange. Whoever answers identity/time sets
 * the offset, and a nonce dated ahead stays valid that much longer: a command signed just before
 * the vault locks would go on working. Beyond this the trader's clock is what needs fixing.
 */
export const MAX_CLOCK_OFFSET_MS = 30_000;

export const isClockOffsetAllowed = (offsetMs: number): boolean => Math.abs(offsetMs) <= MAX_CLOCK_OFFSET_MS;

const seconds = (ms: number) => `${(Math.abs(ms) / 1000).toFixed(1)} s`;

/** Why a measured offset is refused, naming the difference, for the trader to act on. */
export const clockOffsetTooLargeWords = (offsetMs: number): string =>
  `The exchange's clock is ${seconds(offsetMs)} ${offsetMs >= 0 ? 'ahead of' : 'behind'} this computer's, more than the ` +
  `${MAX_CLOCK_OFFSET_MS / 1000} s the vault accepts. Set this computer's clock right (turn on automatic date and time), then sync again.`;

/** The exchange's clock is far enough from this computer's that the trader should hear about it. */
export interface ClockSkewWarning {
  offsetMs: number;
  uncertaintyMs: number;
  nonceLifetimeMs: number;
  /**
   * The skew alone is at least the whole window: every nonce from this computer's own clock is
   * refused. Below that, unsynced nonces pass only while the request is quick.
   */
  exceedsLifetime: boolean;
}

/**
 * A warning when |offset| > lifetime / 2: past that, a signed command made from this computer's
 * clock is valid for less than half the window the trader is told about.
 */
export function clockSkewWarning(offset: { offsetMs: number; uncertaintyMs: number }, nonceLifetimeMs: number): ClockSkewWarning | null {
  const skewMs = Math.abs(offset.offsetMs);
  if (skewMs <= nonceLifetimeMs / 2) return null;
  return { offsetMs: offset.offsetMs, uncertaintyMs: offset.uncertaintyMs, nonceLifetimeMs, exceedsLifetime: skewMs >= nonceLifetimeMs };
}
