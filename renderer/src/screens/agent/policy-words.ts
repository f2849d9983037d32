import { levelOf } from '../../../../app/domain/agent-policy';
import type { KeyPolicy, PolicyLevel } from '../../../../app/domain/agent-policy';

export type PolicyChoice = PolicyLevel | 'off' | 'custom';

/** What a key lets programs do, in the trader's words, shortest first. */
export const CHOICE_WORDS: Record<PolicyChoice, { label: string; explanation: string }> = {
  off: { label: 'Off', explanation: 'No program may sign with this key.' },
  read: { label: 'Read only', explanation: 'Balances, orders, trades and market data, and the private stream.' },
  trade: { label: 'Trade', explanation: 'Read, and place and cancel orders.' },
  all: { label: 'Everything but withdrawals', explanation: 'Any request, except those that move funds out.' },
  custom: { label: 'Custom', explanation: 'Rules set with barong-vault keys policy; kept as they are.' },
};

export const choiceOf = (policy: KeyPolicy): PolicyChoice => (policy.agentUse ? levelOf(policy) : 'off');

/** One line for the keys table: "Trade, up to 6000 requests per 300 s". */
export function policySummary(policy: KeyPolicy): string {
  const choice = choiceOf(policy);
  if (choice === 'off') return CHOICE_WORDS.off.label;
  return `${CHOICE_WORDS[choice].label}, up to ${policy.budget.requests} requests per ${policy.budget.windowSeconds} s`;
}
