import type { Timers } from '../timers/timers';
import { systemTimers } from '../timers/timers';
import type { AgentUse, TimedAgentUse } from '../vault/records';

/** How long an agent's audit row may wait before its batch is written, and how many a batch holds. */
export const AUDIT_BATCH = { delayMs: 50, maxRows: 1000 } as const;

/**
 * The agent's audit rows, written a batch at a time. Each vault commit waits for the disk
 * (synchronous FULL, ~2 ms here), which would cap the agent at a few hundred signatures a second
 * if every signature were its own. The answer goes out at once and its row, with the moment of
 * the answer, follows within AUDIT_BATCH.delayMs: a crash in that window loses those rows, never
 * the vault's consistency.
 * `flush` writes what waits, before a lock or a close.
 */
export function createAuditBatch(
  write: (uses: TimedAgentUse[]) => void,
  { timers = systemTimers, onError }: { timers?: Timers; onError: (error: unknown) => void },
) {
  let waiting: TimedAgentUse[] = [];
  let cancel: (() => void) | undefined;

  const flush = () => {
    cancel?.();
    cancel = undefined;
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    try {
      write(batch);
    } catch (error) {
      onError(error);
    }
  };

  return {
    add(use: AgentUse): void {
      waiting.push(Object.assign({ at: timers.now() }, use));
      if (waiting.length >= AUDIT_BATCH.maxRows) flush();
      else cancel ??= timers.after(AUDIT_BATCH.delayMs, flush);
    },
    flush,
  };
}

export type AuditBatch = ReturnType<typeof createAuditBatch>;
