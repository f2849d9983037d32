import type { KeyPolicy } from '../../app/domain/agent-policy';

export type BudgetAnswer = { ok: true; remaining: number } | { ok: false; retryInSeconds: number };

/**
 * A key's request budget across every client of the agent and the proxy: a sliding window of
 * the moments it signed, so that a bot cannot spend a window's budget twice at its edge. Kept in
 * memory: a restart starts the window afresh, which the exchange's own limit still bounds.
 */
export function createRequestBudget(now: () => number) {
  const spent = new Map<string, number[]>();

  return {
    take(keyId: string, budget: KeyPolicy['budget']): BudgetAnswer {
      const at = now();
      const windowMs = budget.windowSeconds * 1000;
      const moments = (spent.get(keyId) ?? []).filter((moment) => moment > at - windowMs);
      spent.set(keyId, moments);
      if (moments.length >= budget.requests) {
        const oldest = moments[0] ?? at;
        return { ok: false, retryInSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)) };
      }
      moments.push(at);
      return { ok: true, remaining: budget.requests - moments.length };
    },
  };
}

export type RequestBudget = ReturnType<typeof createRequestBudget>;
