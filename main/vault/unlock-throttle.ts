/**
 * How long to wait after `failures` wrong passphrases in a row: two free tries, then 1 s,
 * doubling up to 5 minutes. The count lives on disk, so quitting the app does not reset it.
 */
const FREE_TRIES = 2;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60 * 1000;

export function retryDelayMs(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_TRIES), MAX_DELAY_MS);
}
