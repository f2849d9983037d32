import { describe, expect, it } from 'vitest';
import { AUDIT_BATCH, createAuditBatch } from './audit-batch';
import type { AgentUse, TimedAgentUse } from '../vault/records';
import type { Timers } from '../timers/timers';

/** Timers that fire only when the test says, on a clock the test moves. */
function heldTimers() {
  const due: Array<() => void> = [];
  let now = 1_800_000_000_000;
  const timers: Timers = { now: () => now, after: (_ms, callback) => (due.push(callback), () => due.splice(due.indexOf(callback), 1)) };
  return { timers, fire: () => due.splice(0).forEach((callback) => callback()), wait: (ms: number) => (now += ms) };
}

const use = (index: number): AgentUse => ({ keyId: 'k', client: 'bot', method: 'GET', path: `/${index}`, outcome: 'signed' });

describe('the agent audit batch', () => {
  it('writes the rows of one moment in one batch, and a full batch at once', () => {
    const written: TimedAgentUse[][] = [];
    const { timers, fire, wait } = heldTimers();
    const batch = createAuditBatch((uses) => written.push(uses), { timers, onError: () => undefined });
    const first = timers.now();
    batch.add(use(1));
    wait(30);
    batch.add(use(2));
    wait(20);
    expect(written).toEqual([]);
    fire();
    // Each row keeps the moment its use was answered, not the moment the batch was written.
    expect(written).toEqual([
      [
        { ...use(1), at: first },
        { ...use(2), at: first + 30 },
      ],
    ]);
    for (let index = 0; index < AUDIT_BATCH.maxRows; index += 1) batch.add(use(index));
    expect(written).toHaveLength(2);
    expect(written[1]).toHaveLength(AUDIT_BATCH.maxRows);
  });

  it('flushes on demand (before a lock or a close), and a failed write is reported, not thrown at the signer', () => {
    const errors: unknown[] = [];
    const batch = createAuditBatch(
      () => {
        throw new Error('disk full');
      },
      { timers: heldTimers().timers, onError: (error) => errors.push(error) },
    );
    batch.add(use(1));
    expect(() => batch.flush()).not.toThrow();
    expect(errors).toHaveLength(1);
    batch.flush();
    expect(errors).toHaveLength(1);
  });
});
