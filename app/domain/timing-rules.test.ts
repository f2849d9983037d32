import { describe, expect, it } from 'vitest';
import { settingsSchema } from './settings';
import { TIMING_RULES, timingProblem } from './timing-rules';

describe('timingProblem', () => {
  it.each([
    ['autoLockMinutes', 0, null],
    ['autoLockMinutes', 1440, null],
    ['autoLockMinutes', 1441, TIMING_RULES.autoLockMinutes.range],
    ['autoLockMinutes', -1, TIMING_RULES.autoLockMinutes.range],
    ['autoLockMinutes', 1.5, TIMING_RULES.autoLockMinutes.whole],
    ['clipboardClearSeconds', 600, null],
    ['clipboardClearSeconds', 601, TIMING_RULES.clipboardClearSeconds.range],
  ] as const)('%s = %d: %s', (name, value, problem) => {
    expect(timingProblem(name, value)).toBe(problem);
  });

  it('judges as the vault schema does, with the same words', () => {
    for (const name of ['autoLockMinutes', 'clipboardClearSeconds'] as const) {
      for (const value of [-1, 0, 1.5, 7, 600, 601, 1440, 1441]) {
        const parsed = settingsSchema.shape[name].safeParse(value);
        expect(timingProblem(name, value), `${name} ${value}`).toBe(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'refused'));
      }
    }
  });
});
