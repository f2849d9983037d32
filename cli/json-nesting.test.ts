import { describe, expect, it } from 'vitest';
import { jsonNestingDepth } from './json-nesting';

describe('jsonNestingDepth', () => {
  it.each([
    ['1', 0],
    ['"[{"', 0],
    ['[]', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['[[],[[]],[]]', 3],
    ['["\\"[", {"\\\\": ["]"]}]', 3],
    ['[[[[[', 5],
  ])('%s is %i deep', (text, depth) => {
    expect(jsonNestingDepth(text)).toBe(depth);
  });

  it('agrees with a recursive count on what JSON.stringify writes', () => {
    const recursiveDepth = (value: unknown): number =>
      typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(recursiveDepth)) : 0;
    const values: unknown[] = [{ a: '[[[', b: [{ c: ['\\"', { d: null }] }] }, [[1], [[2, ['}']]]], { '{[': '\\' }];
    for (const value of values) expect(jsonNestingDepth(JSON.stringify(value))).toBe(recursiveDepth(value));
  });

  it('counts a million levels without a deep stack', () => {
    expect(jsonNestingDepth(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)).toBe(1_000_000);
  });
});
