import { createGuardrails, generateSync } from 'otplib';
import { sessionErrors } from './session-errors';

const PERIOD_MS = 30_000;
// Exchanges issue 10-byte seeds; otplib's default floor is 16 bytes.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/** Time for 2FA codes; tests pass one that moves only when the client waits. */
export interface CodeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: CodeClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Seconds left before a fresh code can be had, reported about once a second while waiting. */
export type WaitProgress = (secondsLeft: number) => void;

const periodOf = (ms: number) => Math.floor(ms / PERIOD_MS);

/**
 * The 2FA codes one account has spent. Barong refuses a code whose period is not later than the
 * last one spent (`totp.error`), and the code for log-in spends the period that key creation would
 * otherwise use: so a code is never sent twice, and the seed's code is only taken from a period
 * after the last one spent, waiting for it when needed.
 */
export class OneTimeCodes {
  private readonly clock: CodeClock;
  private lastPeriod = Number.NEGATIVE_INFINITY;
  private lastCode: string | undefined;

  constructor(clock: CodeClock) {
    this.clock = clock;
  }

  /** The seed's code for the first period not spent yet. */
  async fromSeed(seed: string, onWait?: WaitProgress): Promise<string> {
    for (;;) {
      const now = this.clock.now();
      if (periodOf(now) > this.lastPeriod) return generateSync({ secret: seed, epoch: Math.floor(now / 1000), guardrails });
      const leftMs = (this.lastPeriod + 1) * PERIOD_MS - now;
      onWait?.(Math.ceil(leftMs / 1000));
      await this.clock.sleep(Math.min(leftMs, 1000));
    }
  }

  /**
   * Refuses a typed code equal to the one just spent. The exchange accepts codes one period
   * either side, so "just" reaches into the next period too.
   */
  checkTyped(code: string): void {
    if (code === this.lastCode && periodOf(this.clock.now()) <= this.lastPeriod + 1) throw sessionErrors.codeSpent();
  }

  /** Called as a code is sent: the exchange spends it even when the request fails later. */
  spend(code: string): void {
    this.lastCode = code;
    this.spentElsewhere();
  }

  /** The exchange said `totp.error`: this period was spent by someone else (a browser, a phone). */
  spentElsewhere(): void {
    this.lastPeriod = Math.max(this.lastPeriod, periodOf(this.clock.now()));
  }
}
