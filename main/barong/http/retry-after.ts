/**
 * Whole seconds to wait from a Retry-After header (RFC 9110: seconds, or an HTTP date), or
 * undefined when there is none or it cannot be read. A date already past means no wait: 0.
 */
export function retryAfterSeconds(header: string | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP date starts with the day's name ("Tue, 01 Dec 2026 …"); Date.parse would take "-5" as a year.
  if (!/^[A-Za-z]{3}, /.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
