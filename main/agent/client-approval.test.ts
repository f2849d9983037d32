import { describe, expect, it, vi } from 'vitest';
import { createClientApprovals } from './client-approval';
import type { ApprovalAnswer, ApprovalPrompt, ApprovalQuestion } from './client-approval';
import { systemTimers } from '../timers/timers';

const question = (client: string): ApprovalQuestion => ({ client, key: 'bot key', account: 'Sandbox', method: 'GET', path: '/api/v2/peatio/account/balances' });

/** An owner who answers what the test says, when the test says. */
function scriptedOwner() {
  const asked: ApprovalQuestion[] = [];
  const pending: Array<(answer: ApprovalAnswer) => void> = [];
  const prompt: ApprovalPrompt = {
    ask: (asking) => {
      asked.push(asking);
      return new Promise((resolve) => pending.push(resolve));
    },
  };
  return { prompt, asked, answer: (answer: ApprovalAnswer) => pending.shift()?.(answer) };
}

describe('approving a program', () => {
  it('asks about a new program; "until the vault locks" is remembered until the lock', async () => {
    const owner = scriptedOwner();
    const approvals = createClientApprovals({ prompt: owner.prompt });
    const first = approvals.check(question('grid-bot'));
    owner.answer('until-lock');
    expect(await first).toEqual({ approved: true });
    expect(await approvals.check(question('grid-bot'))).toEqual({ approved: true });
    expect(owner.asked).toHaveLength(1);
    approvals.forgetAll();
    const again = approvals.check(question('grid-bot'));
    expect(owner.asked).toHaveLength(2);
    owner.answer('deny');
    expect(await again).toEqual({ approved: false, reason: expect.stringContaining('did not allow "grid-bot"') });
  });

  it('"once" allows one request; a denial is remembered, so a refused program cannot keep asking', async () => {
    const owner = scriptedOwner();
    const approvals = createClientApprovals({ prompt: owner.prompt });
    const once = approvals.check(question('cron'));
    owner.answer('once');
    expect(await once).toEqual({ approved: true });
    const next = approvals.check(question('cron'));
    owner.answer('deny');
    expect((await next).approved).toBe(false);
    expect(await approvals.check(question('cron'))).toEqual({ approved: false, reason: expect.stringContaining('until the vault locks') });
    expect(owner.asked).toHaveLength(2);
  });

  it('denies when the owner does not answer in time', async () => {
    vi.useFakeTimers();
    try {
      const owner = scriptedOwner();
      const approvals = createClientApprovals({ prompt: owner.prompt, timeoutMs: 1_000, timers: systemTimers });
      const waiting = approvals.check(question('slow'));
      await vi.advanceTimersByTimeAsync(1_001);
      expect(await waiting).toEqual({ approved: false, reason: expect.stringContaining('no answer in time') });
      // A late click does not turn the refusal into an approval.
      owner.answer('until-lock');
      expect((await approvals.check(question('slow'))).approved).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks one question at a time: a flood of new names is refused at once, not queued', async () => {
    const owner = scriptedOwner();
    const approvals = createClientApprovals({ prompt: owner.prompt });
    const first = approvals.check(question('one'));
    const flood = await Promise.all(Array.from({ length: 50 }, (_, index) => approvals.check(question(`intruder-${index}`))));
    expect(flood.every((decision) => !decision.approved && decision.reason.includes('another program'))).toBe(true);
    expect(owner.asked).toHaveLength(1);
    owner.answer('once');
    expect(await first).toEqual({ approved: true });
  });

  it('denies when the prompt fails', async () => {
    const approvals = createClientApprovals({ prompt: { ask: () => Promise.reject(new Error('window gone')) } });
    expect((await approvals.check(question('x'))).approved).toBe(false);
  });
});
