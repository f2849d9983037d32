import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_OFFSET_MS } from '../domain/clock';
import { estimateClockOffset, NonceClock, nonceExpiresAt, parseHttpDate } from './nonce-clock';

describe('estimateClockOffset', () => {
  it('finds a zero offset when the server second holds the round trip midpoint', () => {
    // Local and server clocks agree; the request was in flight from .400 to .600 of second 1700000000.
    const estimate = estimateClockOffset({ sentAtMs: 1_700_000_000_400, receivedAtMs: 1_700_000_000_600, serverSeconds: 1_700_000_000 });
    expect(estimate).toEqual({ offsetMs: 0, uncertaintyMs: 600, roundTripMs: 200 });
  });

  it('measures a server running 3 s ahead', () => {
    const estimate = estimateClockOffset({ sentAtMs: 10_000_250, receivedAtMs: 10_000_270, serverSeconds: 10_003 });
    expect(estimate.offsetMs).toBe(3240);
    expect(Math.abs(estimate.offsetMs - 3000)).toBeLessThanOrEqual(estimate.uncertaintyMs);
  });

  it('measures a server running behind, within the stated uncertainty, for every true offset', () => {
    for (const trueOffset of [-7_321, -999, -1, 0, 1, 499, 12_345]) {
      for (const sentAtMs of [5_000_000, 5_000_123, 5_000_999]) {
        const receivedAtMs = sentAtMs + 80;
        // The server answered at the midpoint and truncated its clock to whole seconds.
        const serverSeconds = Math.floor((sentAtMs + 40 + trueOffset) / 1000);
        const estimate = estimateClockOffset({ sentAtMs, receivedAtMs, serverSeconds });
        expect(Math.abs(estimate.offsetMs - trueOffset)).toBeLessThanOrEqual(estimate.uncertaintyMs);
      }
    }
  });

  it('refuses an answer that arrived before it was sent', () => {
    expect(() => estimateClockOffset({ sentAtMs: 2, receivedAtMs: 1, serverSeconds: 0 })).toThrow(RangeError);
  });
});

describe('parseHttpDate', () => {
  it('reads an IMF-fixdate', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(784111777);
    expect(parseHttpDate(new Date(1_700_000_000_000).toUTCString())).toBe(1_700_000_000);
  });

  it.each([
    '',
    'yesterday',
    'Sun, 06 Nov 1994 08:49:37 UTC',
    'Sun, 31 Feb 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 24:49:37 GMT',
    'Sun, 06 Foo 1994 08:49:37 GMT',
  ])('returns undefined for %j', (value) => {
    expect(parseHttpDate(value)).toBeUndefined();
  });
});

describe('NonceClock', () => {
  it('adds the offset to the local clock in whole ms', () => {
    let local = 1_000.7;
    const clock = new NonceClock(250, () => local);
    expect(clock.nonce()).toBe('1250');
    local = 2_000;
    clock.setOffset(-500.4);
    expect(clock.now()).toBe(1500);
    expect(clock.toLocal(1500)).toBe(2000);
  });

  it('never dates a nonce further ahead than the clock offset bound, whatever offset it is given', () => {
    const local = 1_700_000_000_000;
    const clock = new NonceClock(3_600_000, () => local);
    expect(Number(clock.nonce()) - local).toBe(MAX_CLOCK_OFFSET_MS);
    clock.setOffset(MAX_CLOCK_OFFSET_MS + 1);
    expect(clock.offset).toBe(MAX_CLOCK_OFFSET_MS);
    clock.setOffset(20_000);
    expect(Number(clock.nonce()) - local).toBe(20_000);
    // Behind is not a risk (the nonce expires sooner): kept as measured.
    clock.setOffset(-60_000);
    expect(Number(clock.nonce()) - local).toBe(-60_000);
  });

  it('knows when a nonce stops being accepted', () => {
    expect(nonceExpiresAt('1700000000000', 5000)).toBe(1_700_000_005_000);
  });
});
