/** How often one kind of refusal is audited: a program knocking in a loop must not fill the vault's log. */
export const REFUSAL_AUDIT_EVERY_MS = 10_000;

/**
 * Audits refusals of the agent's and the proxy's doors (a wrong token, a foreign Host, an
 * Origin): the first of each kind, then at most one per REFUSAL_AUDIT_EVERY_MS, each saying how
 * many it stands for. Every refusal is still answered in words and logged.
 */
export function throttledRefusalAudit(record: (words: string) => void, now: () => number = Date.now) {
  const kinds = new Map<string, { lastAt: number; unaudited: number }>();
  return (kind: string, words: string): void => {
    const seen = kinds.get(kind) ?? { lastAt: -Infinity, unaudited: 0 };
    kinds.set(kind, seen);
    if (now() - seen.lastAt < REFUSAL_AUDIT_EVERY_MS) {
      seen.unaudited += 1;
      return;
    }
    const more = seen.unaudited > 0 ? ` (and ${seen.unaudited} more like it since the last entry)` : '';
    seen.lastAt = now();
    seen.unaudited = 0;
    record(`${words}${more}`);
  };
}
