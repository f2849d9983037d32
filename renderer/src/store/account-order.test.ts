import { describe, expect, it } from 'vitest';
import { deskOrder, RECENT_MS } from './account-order';

const NOW = 1_800_000_000_000;
const account = (name: string, lastUsedAt: number | null) => ({ name, lastUsedAt });

describe('the desk order of accounts', () => {
  it('puts the accounts used this week first, most recent first, then the rest in the given order', () => {
    const listed = [account('a', null), account('b', NOW - 1000), account('c', NOW - RECENT_MS - 1), account('d', NOW - 10), account('e', null)];
    expect(deskOrder(listed, NOW).map(({ name }) => name)).toEqual(['d', 'b', 'a', 'c', 'e']);
  });

  it('keeps the given order when nothing was used', () => {
    const listed = [account('x', null), account('y', null)];
    expect(deskOrder(listed, NOW)).toEqual(listed);
  });
});
