import { describe, expect, it } from 'vitest';
import { clockSkewWarning } from './clock-skew';

const offset = (offsetMs: number) => ({ offsetMs, uncertaintyMs: 510, roundTripMs: 20 });

describe('clockSkewWarning', () => {
  it.each([0, 2_500, -2_500])('stays quiet up to half the lifetime (%i ms of 5 s)', (offsetMs) => {
    expect(clockSkewWarning(offset(offsetMs), 5_000)).toBeNull();
  });

  it.each([
    [2_501, false],
    [-4_999, false],
    [5_000, true],
    [-7_000, true],
  ])('warns past half the lifetime (%i ms of 5 s; the whole window: %s)', (offsetMs, exceedsLifetime) => {
    expect(clockSkewWarning(offset(offsetMs), 5_000)).toEqual({ offsetMs, uncertaintyMs: 510, nonceLifetimeMs: 5_000, exceedsLifetime });
  });
});
