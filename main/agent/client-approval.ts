import type { Timers } from '../timers/timers';
import { systemTimers } from '../timers/timers';

/** The owner's answer about a program that asks to sign for the first time. */
export type ApprovalAnswer = 'once' | 'until-lock' | 'deny';

export interface ApprovalQuestion {
  client: string;
  key: string;
  account: string;
  method: string;
  path: string;
}

/** Asks the owner, in main's own window or dialog (the page cannot answer it). */
export interface ApprovalPrompt {
  ask(question: ApprovalQuestion, signal: AbortSignal): Promise<ApprovalAnswer>;
}

export type ApprovalDecision = { approved: true } | { approved: false; reason: string };

/** Long enough to switch to the app and read the question; a program left waiting is refused. */
export const APPROVAL_TIMEOUT_MS = 60_000;

/**
 * Which local programs may sign, by the name they give: the first request of a new name asks the
 * owner. "Until the vault locks" and a denial are remembered until the lock, so a refused program
 * cannot keep the owner busy; "once" is this request only. One question at a time: while the
 * owner reads one, any other new program is refused at once rather than queued behind it.
 */
export function createClientApprovals({
  prompt,
  timeoutMs = APPROVAL_TIMEOUT_MS,
  timers = systemTimers,
}: {
  prompt: ApprovalPrompt;
  timeoutMs?: number;
  timers?: Timers;
}) {
  const remembered = new Map<string, 'until-lock' | 'deny'>();
  let asking: { client: string; answer: Promise<ApprovalAnswer> } | undefined;

  const ask = (question: ApprovalQuestion): Promise<ApprovalAnswer> => {
    const controller = new AbortController();
    const answer = new Promise<ApprovalAnswer>((resolve) => {
      const cancel = timers.after(timeoutMs, () => {
        controller.abort();
        resolve('deny');
      });
      prompt.ask(question, controller.signal).then(
        (given) => {
          cancel();
          resolve(controller.signal.aborted ? 'deny' : given);
        },
        () => {
          cancel();
          resolve('deny');
        },
      );
    });
    return answer;
  };

  return {
    async check(question: ApprovalQuestion): Promise<ApprovalDecision> {
      const known = remembered.get(question.client);
      if (known === 'until-lock') return { approved: true };
      if (known === 'deny') return { approved: false, reason: `the owner refused "${question.client}" until the vault locks` };
      if (asking && asking.client !== question.client) {
        return { approved: false, reason: 'Barong Vault is asking the owner about another program: try again in a moment' };
      }
      // Requests of the same program that arrive while the owner reads its question share the answer.
      const pending = asking ?? { client: question.client, answer: ask(question) };
      asking = pending;
      const answer = await pending.answer.finally(() => {
        if (asking === pending) asking = undefined;
      });
      if (answer === 'until-lock' || answer === 'deny') remembered.set(question.client, answer);
      return answer === 'deny'
        ? { approved: false, reason: `the owner did not allow "${question.client}" (refused, or no answer in time)` }
        : { approved: true };
    },
    /** The lock ends every approval and every remembered refusal. */
    forgetAll(): void {
      remembered.clear();
    },
  };
}

export type ClientApprovals = ReturnType<typeof createClientApprovals>;
