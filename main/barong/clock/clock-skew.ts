import type { ClockOffset } from '../../../app/barong/nonce-clock';

/** The exchange's clock is far enough from this computer's that the user should hear about it. */
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
 * clock is valid for less than half the window the user is told about.
 */
export function clockSkewWarning(offset: ClockOffset, nonceLifetimeMs: number): ClockSkewWarning | null {
  const skewMs = Math.abs(offset.offsetMs);
  if (skewMs <= nonceLifetimeMs / 2) return null;
  return { offsetMs: offset.offsetMs, uncertaintyMs: offset.uncertaintyMs, nonceLifetimeMs, exceedsLifetime: skewMs >= nonceLifetimeMs };
}
