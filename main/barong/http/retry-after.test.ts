import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from './retry-after';

const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterSeconds('7', NOW)).toBe(7);
    expect(retryAfterSeconds(' 120 ', NOW)).toBe(120);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 10:00:30 GMT', NOW)).toBe(30);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it('gives nothing for a missing or unreadable header', () => {
    expect(retryAfterSeconds(undefined, NOW)).toBeUndefined();
    expect(retryAfterSeconds('', NOW)).toBeUndefined();
    expect(retryAfterSeconds('soon', NOW)).toBeUndefined();
    expect(retryAfterSeconds('-5', NOW)).toBeUndefined();
  });
});
