import { createGuardrails, generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../exchange-error';
import { OneTimeCodes } from './one-time-codes';
import type { CodeClock } from './one-time-codes';

const SEED = 'JBSWY3DPEHPK3PXP';
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const codeAt = (ms: number) => generateSync({ secret: SEED, epoch: Math.floor(ms / 1000), guardrails });
const PERIOD_START = Date.UTC(2030, 0, 1);

function manualClock(start: number): CodeClock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('one-time 2FA codes', () => {
  it("gives the current period's code while it is unspent, with no wait", async () => {
    const clock = manualClock(PERIOD_START + 5_000);
    const codes = new OneTimeCodes(clock);
    expect(await codes.fromSeed(SEED)).toBe(codeAt(clock.now()));
    expect(clock.slept).toEqual([]);
  });

  it('waits for the next period once this one is spent, reporting the seconds left, and never returns the same code', async () => {
    const clock = manualClock(PERIOD_START + 27_400);
    const codes = new OneTimeCodes(clock);
    const first = await codes.fromSeed(SEED);
    codes.spend(first);
    const progress: number[] = [];

    const second = await codes.fromSeed(SEED, (secondsLeft) => progress.push(secondsLeft));

    expect(progress).toEqual([3, 2, 1]);
    expect(clock.slept).toEqual([1000, 1000, 600]);
    expect(clock.now()).toBe(PERIOD_START + 30_000);
    expect(second).toBe(codeAt(PERIOD_START + 30_000));
    expect(second).not.toBe(first);
  });

  it('refuses a typed code equal to the one just spent, until the exchange could no longer take it', async () => {
    const clock = manualClock(PERIOD_START + 1_000);
    const codes = new OneTimeCodes(clock);
    codes.spend('123456');
    let error: unknown;
    try {
      codes.checkTyped('123456');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).code).toBe('session.code_spent');
    expect((error as ExchangeError).message).toContain('wait for the next code');
    expect(() => codes.checkTyped('654321')).not.toThrow();
    await clock.sleep(60_000);
    expect(() => codes.checkTyped('123456')).not.toThrow();
  });

  it('after a totp.error, takes the current period as spent', async () => {
    const clock = manualClock(PERIOD_START + 29_000);
    const codes = new OneTimeCodes(clock);
    codes.spentElsewhere();
    const progress: number[] = [];
    await codes.fromSeed(SEED, (secondsLeft) => progress.push(secondsLeft));
    expect(progress).toEqual([1]);
  });
});
