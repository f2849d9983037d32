import { describe, expect, it } from 'vitest';
import { posixQuote } from './posix-quote';

describe('posixQuote', () => {
  it.each([
    ['', "''"],
    ['plain', "'plain'"],
    ["it's", `'it'\\''s'`],
    ["''", `''\\'''\\'''`],
    ['$HOME `id` $(id) \\ !', "'$HOME `id` $(id) \\ !'"],
    ['two\nlines', "'two\nlines'"],
    ['-n', "'-n'"],
    ['😀 é', "'😀 é'"],
  ])('%j → %s', (value, quoted) => {
    expect(posixQuote(value)).toBe(quoted);
  });
});
