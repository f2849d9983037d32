import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MAX_CLOCK_OFFSET_MS } from '../../../app/domain/clock';
import { startSeededSandbox } from '../tests/exchange-sandbox';
import { silentLogger } from '../../logging/logger';
import { ExchangeClocks } from './exchange-clocks';

const http = { userAgent: 'BarongVaultTests/1', logger: silentLogger };
const LIFETIME_MS = 5_000;

// A real HTTP server on loopback answering identity/time with its clock `skewMs()` ahead of this process.
async function timeServer(skewMs: () => number): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ time: Math.floor((Date.now() + skewMs()) / 1000) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

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
    const ahead = await startSeededSandbox({ clockOffsetMs: 20_000 });
    const behind = await startSeededSandbox({ clockOffsetMs: -20_000 });
    const clocks = new ExchangeClocks({ http });
    const first = { id: 'first', baseUrl: ahead.url, nonceLifetimeMs: LIFETIME_MS };
    const second = { id: 'second', baseUrl: behind.url, nonceLifetimeMs: LIFETIME_MS };
    const clockOfFirst = clocks.clock(first);
    await clocks.sync(first);
    await clocks.sync(second);
    // The clock handed out before the sync follows it.
    expect(clockOfFirst.offset).toBeGreaterThan(15_000);
    expect(clocks.clock(second).offset).toBeLessThan(-15_000);
    expect(clocks.clock({ ...first, baseUrl: behind.url }).offset).toBe(0);
    expect(clocks.reading({ ...first, baseUrl: behind.url })).toBeNull();
  });

  // The attacker answers identity/time (a hostile exchange, or whoever sits at its address) with a
  // clock far ahead, so that nonces signed here stay valid long after the vault locks.
  it.each([31_000, 3_600_000, -3_600_000])('refuses a sandbox clock %i ms off, naming the difference, and signs as before', async (skewMs) => {
    const hostile = await startSeededSandbox({ clockOffsetMs: skewMs });
    const clocks = new ExchangeClocks({ http });
    const account = { id: 'account-1', baseUrl: hostile.url, nonceLifetimeMs: LIFETIME_MS };
    const clock = clocks.clock(account);

    const refused = await clocks.sync(account).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'clock.offset_too_large', message: expect.stringContaining("Set this computer's clock right") });
    const [, named = '', direction] = /is (\d+\.\d) s (ahead of|behind) this computer's/.exec((refused as Error).message) ?? [];
    expect(direction).toBe(skewMs > 0 ? 'ahead of' : 'behind');
    // The measured difference, within the half second of Barong's whole seconds and the round trip.
    expect(Math.abs(Number(named) * 1000 - Math.abs(skewMs))).toBeLessThan(1_000);
    expect(clock.offset).toBe(0);
    expect(clocks.reading(account)).toBeNull();
  });

  it('refuses a second sync that jumps beyond the bound and keeps signing with the first offset', async () => {
    let skewMs = 20_000;
    const server = await timeServer(() => skewMs);
    const clocks = new ExchangeClocks({ http });
    const account = { id: 'account-1', baseUrl: server, nonceLifetimeMs: LIFETIME_MS };
    const clock = clocks.clock(account);
    const accepted = await clocks.sync(account);
    expect(Math.abs(accepted.offsetMs - 20_000)).toBeLessThanOrEqual(accepted.uncertaintyMs);

    skewMs = 3_600_000;
    await expect(clocks.sync(account)).rejects.toMatchObject({ code: 'clock.offset_too_large' });
    expect(clock.offset).toBe(accepted.offsetMs);
    expect(clocks.reading(account)).toEqual(accepted);
    const aheadMs = Number(clock.nonce()) - Date.now();
    expect(aheadMs).toBeLessThanOrEqual(MAX_CLOCK_OFFSET_MS);
    expect(aheadMs).toBeGreaterThan(15_000);
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
