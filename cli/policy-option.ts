import { AppError } from '../app/app-error';
import { levelOf, POLICY_LEVEL_WORDS, POLICY_LEVELS, policyForLevel } from '../app/domain/agent-policy';
import type { KeyPolicy, PolicyLevel } from '../app/domain/agent-policy';

/** What `--policy` takes: a ready-made level, or (where a key is changed) off. */
export type PolicyChoice = PolicyLevel | 'off';

export const policyLevelsHelp = POLICY_LEVELS.map((level) => `                    ${level.padEnd(6)} ${POLICY_LEVEL_WORDS[level]}`).join('\n');

export function parsePolicyOption<Off extends boolean>(value: string, { off }: { off: Off }): Off extends true ? PolicyChoice : PolicyLevel {
  const choices: readonly string[] = off ? ['off', ...POLICY_LEVELS] : POLICY_LEVELS;
  if (!choices.includes(value)) throw new AppError('usage', `--policy takes ${choices.join(', ')}, not "${value}".`);
  return value as Off extends true ? PolicyChoice : PolicyLevel;
}

/** The key's next policy: a level (keeping the key's budget), or its rules as they are with agent use off. */
export const nextPolicy = (choice: PolicyChoice, current: KeyPolicy): KeyPolicy =>
  choice === 'off' ? { ...current, agentUse: false } : policyForLevel(choice, current.budget);

/** What local programs may now do with a key, in words. */
export function policyWords(policy: KeyPolicy): string {
  if (!policy.agentUse) return 'closed to local programs';
  const { requests, windowSeconds } = policy.budget;
  return `open to local programs: ${POLICY_LEVEL_WORDS[levelOf(policy)]}, up to ${requests} requests in ${windowSeconds} s`;
}
