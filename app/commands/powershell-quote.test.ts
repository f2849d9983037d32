import { describe, expect, it } from 'vitest';
import { powershellQuote } from './powershell-quote';

describe('powershellQuote', () => {
  it.each([
    ['', "''"],
    ["it's", "'it''s'"],
    ['\u2018curly\u2019 \u201Alow\u201B', "'\u2018\u2018curly\u2019\u2019 \u201A\u201Alow\u201B\u201B'"],
    ['$env:PATH `n "x" \\', '\'$env:PATH `n "x" \\\''],
    ['two\nlines', "'two\nlines'"],
  ])('%j → %s', (value, quoted) => {
    expect(powershellQuote(value)).toBe(quoted);
  });
});
