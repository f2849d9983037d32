import { describe, expect, it } from 'vitest';
import { fractionWidth, groupAmount } from './amount-format';

describe('groupAmount', () => {
  it('groups the integer part and keeps every digit of the fraction', () => {
    expect(groupAmount('12345678.000000001', 'en-US')).toBe('12,345,678.000000001');
    expect(groupAmount('0.10000000', 'en-US')).toBe('0.10000000');
    expect(groupAmount('1000', 'en-US')).toBe('1,000');
    expect(groupAmount('999', 'en-US')).toBe('999');
  });

  it('keeps digits a float would lose', () => {
    expect(groupAmount('123456789012345678901234567890.123456789012345678', 'en-US')).toBe('123,456,789,012,345,678,901,234,567,890.123456789012345678');
    expect(groupAmount('9007199254740993', 'en-US')).toBe('9,007,199,254,740,993');
  });

  it('keeps the sign, leading zeros aside', () => {
    expect(groupAmount('-1234.5', 'en-US')).toBe('-1,234.5');
    expect(groupAmount('-0.00000001', 'en-US')).toBe('-0.00000001');
    expect(groupAmount('+2500', 'en-US')).toBe('+2,500');
    expect(groupAmount('0001234', 'en-US')).toBe('1,234');
  });

  it("follows the locale's separators", () => {
    expect(groupAmount('1234567.891', 'de-DE')).toBe('1.234.567,891');
    expect(groupAmount('1234567.891', 'fr-FR')).toBe('1\u202f234\u202f567,891');
    expect(groupAmount('1234567.891', 'en-IN')).toBe('12,34,567.891');
  });

  it('returns what is not a plain decimal as it came', () => {
    for (const odd of ['', 'n/a', '1e6', '.5', '1.', '1,000', ' 12 ', 'NaN']) expect(groupAmount(odd, 'en-US')).toBe(odd);
  });
});

describe('fractionWidth', () => {
  it('counts the decimal point and the fraction digits', () => {
    expect(fractionWidth('12.5')).toBe(2);
    expect(fractionWidth('0.000000001')).toBe(10);
    expect(fractionWidth('1200')).toBe(0);
    expect(fractionWidth('n/a')).toBe(0);
  });
});
