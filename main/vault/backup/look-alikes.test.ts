import { describe, expect, it } from 'vitest';
import { hostOf, hostsLookAlike, namesLookAlike } from './look-alikes';

describe('namesLookAlike', () => {
  it.each([
    ['Main', 'main', 'case'],
    ['Main', 'Maín', 'an accent'],
    ['Main', 'Mаin', 'a Cyrillic а'],
    ['Main', 'Mаіn', 'Cyrillic а and і'],
    ['Main desk', 'Main  desk', 'a doubled space'],
    ['Main', 'Ｍａｉｎ', 'full-width letters (NFKC)'],
    ['Gold', 'G0ld', 'a zero for an o'],
  ])('takes %j and %j for each other (%s)', (a, b) => {
    expect(namesLookAlike(a, b)).toBe(true);
  });

  it.each([
    ['Main', 'Main'],
    ['Main', 'Spare'],
    ['Main', 'Main 2'],
  ])('tells %j from %j, or does not flag the same name', (a, b) => {
    expect(namesLookAlike(a, b)).toBe(false);
  });
});

describe('hostsLookAlike', () => {
  it.each([
    ['exchange.example.com', 'exchange.exarnple.com', 'rn for m'],
    ['exchange.example.com', 'exchang.example.com', 'a letter left out'],
    ['exchange.example.com', hostOf('https://exchаnge.example.com'), 'a Cyrillic а, written as punycode by the URL parser'],
    ['exchange.example.com', 'exchange.example.com:8443', 'another port'],
  ])('takes %s and %s for each other (%s)', (a, b) => {
    expect(hostsLookAlike(a, b)).toBe(true);
  });

  it.each([
    ['exchange.example.com', 'exchange.example.com'],
    ['exchange.example.com', 'other.example.org'],
  ])('does not flag %s and %s', (a, b) => {
    expect(hostsLookAlike(a, b)).toBe(false);
  });

  it('shows a homoglyph host as the punycode it is', () => {
    expect(hostOf('https://exchаnge.example.com/api')).toMatch(/^xn--/);
  });
});
