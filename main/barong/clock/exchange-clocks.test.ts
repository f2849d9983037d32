import { describe, expect, it } from 'vitest';
import { startSeededSandbox } from '../tests/exchange-sandbox';
import { silentLogger } from '../../logging/logger';
import { ExchangeClocks } from './exchange-clocks';

const http = { userAgent: 'BarongVaultTests/1', logger: silentLogger };
const LIFETIME_MS = 5_000;

describe('ExchangeClocks against sandboxes with shifted clocks', () => {
  it.each([
    [4_000, false],
    [-4_000, false],
    [7_000, true],
    [-7_000, true],
  ])('measures a clock %i ms off and warns (past the whole window: %s)', async (skewMs, exceedsLifetime) => {
    const sandbox = await startSeededSandbox({ clockOffsetMs: skewMs, nonceLifetimeMs: LIFETIME_MS });
    const account = { id: 'account-1', baseUrl: sandbox.url, nonceLifetimeMs: LIFETIME_MS };
    const clocks = new ExchangeClocks({ http });
    expect(clocks.reading(account)).toBeNull();
    expect(clocks.clock(account).offset).toBe(0);

    const reading = await clocks.sync(account);
    expect(reading.source).toBe('identity/time');
    expect(Math.abs(reading.offsetMs - skewMs)).toBeLessThanOrEqual(reading.uncertaintyMs);
    expect(reading.warning).toEqual({ offsetMs: reading.offsetMs, uncertaintyMs: reading.uncertaintyMs, nonceLifetimeMs: LIFETIME_MS, exceedsLifetime });
    expect(clocks.reading(account)).toEqual(reading);
    expect(clocks.clock(account).offset).toBe(reading.offsetMs);
  });

  it('gives no warning for a clock within half the lifetime', async () => {
    const sandbox = await startSeededSandbox({ clockOffsetMs: 1_000 });
    const reading = await new ExchangeClocks({ http }).sync({ id: 'account-1', baseUrl: sandbox.url, nonceLifetimeMs: LIFETIME_MS });
    expect(reading.warning).toBeNull();
  });

  it('keeps one clock per account, and starts over when the account moves to another address', async () => {
    const ahead = await startSeededSandbox({ clockOffsetMs: 60_000 });
    const behind = await startSeededSandbox({ clockOffsetMs: -60_000 });
    const clocks = new ExchangeClocks({ http });
    const first = { id: 'first', baseUrl: ahead.url, nonceLifetimeMs: LIFETIME_MS };
    const second = { id: 'second', baseUrl: behind.url, nonceLifetimeMs: LIFETIME_MS };
    const clockOfFirst = clocks.clock(first);
    await clocks.sync(first);
    await clocks.sync(second);
    // The clock handed out before the sync follows it.
    expect(clockOfFirst.offset).toBeGreaterThan(55_000);
    expect(clocks.clock(second).offset).toBeLessThan(-55_000);
    expect(clocks.clock({ ...first, baseUrl: behind.url }).offset).toBe(0);
    expect(clocks.reading({ ...first, baseUrl: behind.url })).toBeNull();
  });

  it('is cancelled by its signal', async () => {
    const sandbox = await startSeededSandbox();
    const controller = new AbortController();
    controller.abort();
    await expect(new ExchangeClocks({ http }).sync({ id: 'a', baseUrl: sandbox.url, nonceLifetimeMs: LIFETIME_MS }, controller.signal)).rejects.toMatchObject({
      code: 'network.cancelled',
    });
  });
});
