import { describe, expect, it } from 'vitest';
import { posixQuote, posixValue } from './posix-quote';

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

describe('posixValue', () => {
  it('leaves a plain path bare and quotes one a shell would split', () => {
    expect(posixValue('/run/user/1000/barong-vault/agent.sock')).toBe('/run/user/1000/barong-vault/agent.sock');
    expect(posixValue('/home/trader/.config/Barong Vault/agent.token')).toBe("'/home/trader/.config/Barong Vault/agent.token'");
    expect(posixValue("it's")).toBe(`'it'\\''s'`);
  });
});
