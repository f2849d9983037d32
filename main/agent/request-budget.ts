import type { KeyPolicy } from '../../app/domain/agent-policy';

export type BudgetAnswer = { ok: true; remaining: number } | { ok: false; retryInSeconds: number };

/** The moments one key signed at, oldest first; `head` skips those that left the window without copying the rest. */
interface Window {
  moments: number[];
  head: number;
}

/**
 * A key's request budget across every client of the agent and the proxy: a sliding window of
 * the moments it signed, so that a bot cannot spend a window's budget twice at its edge. Kept in
 * memory: a restart starts the window afresh, which the exchange's own limit still bounds. Each
 * take is amortised constant time, whatever the budget.
 */
export function createRequestBudget(now: () => number) {
  const windows = new Map<string, Window>();

  return {
    take(keyId: string, budget: KeyPolicy['budget']): BudgetAnswer {
      const at = now();
      const window = windows.get(keyId) ?? { moments: [], head: 0 };
      windows.set(keyId, window);
      const since = at - budget.windowSeconds * 1000;
      while (window.head < window.moments.length && (window.moments[window.head] ?? at) <= since) window.head += 1;
      // Dropping the expired moments at once costs a copy: done only when they are half the array.
      if (window.head > 1024 && window.head * 2 > window.moments.length) {
        window.moments = window.moments.slice(window.head);
        window.head = 0;
      }
      const used = window.moments.length - window.head;
      if (used >= budget.requests) {
        const oldest = window.moments[window.head] ?? at;
        return { ok: false, retryInSeconds: Math.max(1, Math.ceil((oldest - since) / 1000)) };
      }
      window.moments.push(at);
      return { ok: true, remaining: budget.requests - used - 1 };
    },
  };
}

export type RequestBudget = ReturnType<typeof createRequestBudget>;
