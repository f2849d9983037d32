import { describe, expect, it } from 'vitest';
import { keysNamed } from './key-name';

const keys = [
  { kid: 'a1', label: 'bot' },
  { kid: 'b2', label: 'bot' },
  { kid: 'c3', label: 'a1' },
  { kid: 'd4', label: '' },
];

describe('the keys a name means', () => {
  it('is the key of that kid first, even where a label says the same', () => {
    expect(keysNamed(keys, 'a1')).toEqual([{ kid: 'a1', label: 'bot' }]);
  });

  it('is every key of that label otherwise, for the caller to refuse when there are several', () => {
    expect(keysNamed(keys, 'bot')).toEqual([keys[0], keys[1]]);
    expect(keysNamed(keys, 'nobody')).toEqual([]);
    expect(keysNamed(keys, '')).toEqual([]);
  });
});
