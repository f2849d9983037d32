import { describe, expect, it } from 'vitest';
import { createAfterReads } from './after-reads';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('createAfterReads', () => {
  it('runs the tasks of a turn once each, after the turn, in the order given; one given while they run waits for the next turn', async () => {
    const afterReads = createAfterReads();
    const ran: string[] = [];
    const first = async () => void ran.push('first');
    const second = async () => {
      ran.push('second');
      afterReads(first);
    };
    afterReads(first);
    afterReads(second);
    afterReads(first);
    expect(ran).toEqual([]);
    await nextTurn();
    expect(ran).toEqual(['first', 'second']);
    await nextTurn();
    expect(ran).toEqual(['first', 'second', 'first']);
  });
});
