import { describe, expect, it } from 'vitest';
import { clockOffsetTooLargeWords, clockSkewWarning, isClockOffsetAllowed, MAX_CLOCK_OFFSET_MS } from './clock';

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

describe('the clock offset bound', () => {
  it.each([
    [0, true],
    [20_000, true],
    [-MAX_CLOCK_OFFSET_MS, true],
    [MAX_CLOCK_OFFSET_MS + 1, false],
    [-31_000, false],
    [3_600_000, false],
  ])('%i ms is allowed: %s', (offsetMs, allowed) => {
    expect(isClockOffsetAllowed(offsetMs)).toBe(allowed);
  });

  it('names the measured difference and the fix in its words', () => {
    expect(clockOffsetTooLargeWords(3_600_000)).toMatch(
      /^The exchange's clock is 3600\.0 s ahead of this computer's, more than the 30 s .* Set this computer's clock right/,
    );
    expect(clockOffsetTooLargeWords(-31_250)).toContain('31.3 s behind');
  });
});
