/** Amounts as integers of 1e-8, so balances add up exactly; Peatio sends them as decimal strings. */
export const SCALE = 100_000_000n;
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,8}))?$/;

/** Parses a non-negative decimal with at most 8 places, or undefined. */
export function parseAmount(text: string | undefined): bigint | undefined {
  const match = DECIMAL.exec((text ?? '').trim());
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(8, '0'));
}

export function formatAmount(units: bigint): string {
  const sign = units < 0n ? '-' : '';
  const magnitude = units < 0n ? -units : units;
  const fraction = (magnitude % SCALE).toString().padStart(8, '0').replace(/0+$/, '');
  return `${sign}${magnitude / SCALE}.${fraction === '' ? '0' : fraction}`;
}

/** price × volume, truncated to 8 places. */
export const multiply = (price: bigint, volume: bigint): bigint => (price * volume) / SCALE;
