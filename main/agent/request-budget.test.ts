import { describe, expect, it } from 'vitest';
import { createRequestBudget } from './request-budget';

describe('a key request budget', () => {
  it('counts every signature in a sliding window, and says when the next one is possible', () => {
    let now = 1_000_000;
    const budget = createRequestBudget(() => now);
    const small = { requests: 3, windowSeconds: 10 };
    const taken = [0, 1, 2].map(() => {
      const answer = budget.take('k', small);
      now += 1_000;
      return answer;
    });
    expect(taken).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    now += 1_000;
    expect(budget.take('k', small)).toEqual({ ok: false, retryInSeconds: 6 });
    // Another key has its own budget.
    expect(budget.take('other', small).ok).toBe(true);
    // At the window's edge only the oldest signatures leave it: no doubled budget across the boundary.
    now += 6_001;
    expect(budget.take('k', small)).toEqual({ ok: true, remaining: 0 });
    expect(budget.take('k', small).ok).toBe(false);
  });

  it("holds Peatio's default of 6000 per 5 minutes", () => {
    const budget = createRequestBudget(() => 0);
    const peatio = { requests: 6000, windowSeconds: 300 };
    for (let index = 0; index < 6000; index += 1) expect(budget.take('k', peatio).ok).toBe(true);
    expect(budget.take('k', peatio)).toEqual({ ok: false, retryInSeconds: 300 });
  });
});
