import { totpCode } from '../support/sandbox-keys';

const PERIOD_MS = 30_000;
/** Below this much of the current period left, its code could reach the exchange one period late. */
const SAFE_LEFT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The codes a trader reads off the authenticator for one account, as Barong takes them: a code
 * counts for one 30 s period either side of the exchange's clock, and each must be from a later
 * period than the last one spent (login and key changes alike). So each call hands out the code
 * of the earliest period still allowed, and sleeps only when that period is two ahead of now:
 * the waits come from the clock, never from retrying a refusal.
 */
export class TotpCodes {
  private readonly secret: string;
  private lastStep = Number.NEGATIVE_INFINITY;

  constructor(secret: string) {
    this.secret = secret;
  }

  async next(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / PERIOD_MS);
      const left = (current + 1) * PERIOD_MS - now;
      // The previous period's code is good until this period ends: only taken with time to spare.
      const earliest = left > SAFE_LEFT_MS ? current - 1 : current;
      const step = Math.max(this.lastStep + 1, earliest);
      if (step <= current + 1) {
        this.lastStep = step;
        return totpCode(this.secret, step * PERIOD_MS);
      }
      await sleep((step - 1) * PERIOD_MS - now + 100);
    }
  }

  /** The code spent last, as a trader might type it again by mistake. */
  last(): string {
    if (this.lastStep === Number.NEGATIVE_INFINITY) throw new Error('No code was handed out yet.');
    return totpCode(this.secret, this.lastStep * PERIOD_MS);
  }

  /** A six-digit code the exchange accepts in no period near now. */
  wrong(): string {
    const current = Math.floor(Date.now() / PERIOD_MS);
    const valid = new Set([-2, -1, 0, 1, 2].map((offset) => totpCode(this.secret, (current + offset) * PERIOD_MS)));
    return ['000000', '111111', '222222'].find((code) => !valid.has(code)) ?? '333333';
  }
}

/** Sleeps into the next period when less than `ms` is left of this one. */
export async function atLeastLeftInPeriod(ms: number): Promise<void> {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (left < ms) await sleep(left + 100);
}
