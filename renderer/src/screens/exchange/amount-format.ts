/** An amount as the exchange sends it: an optional sign, digits, and an optional fraction. */
const AMOUNT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * An exchange amount with its integer part grouped the locale's way ("12,345,678.000000001" in
 * English), every digit kept: the string is never turned into a float, so no precision is lost.
 * Anything that is not a plain decimal is returned as it came.
 */
export function groupAmount(amount: string, locale?: string): string {
  const match = AMOUNT.exec(amount);
  if (!match) return amount;
  const [, sign = '', whole = '0', fraction] = match;
  const format = new Intl.NumberFormat(locale, { useGrouping: true });
  // BigInt keeps any number of digits exact; the locale's own grouping (thousands, lakhs) comes with it.
  const grouped = format.format(BigInt(whole));
  if (fraction === undefined) return `${sign}${grouped}`;
  const decimal = format.formatToParts(0.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return `${sign}${grouped}${decimal}${fraction}`;
}

/** How many characters an amount's fraction takes, its decimal point included: 0 for a whole amount. */
export function fractionWidth(amount: string): number {
  const match = AMOUNT.exec(amount);
  return match?.[3] === undefined ? 0 : match[3].length + 1;
}
