import type { ProtectiveTiming } from './lowered-protection';

/** A timing setting's whole-number range, and the words for a value outside it. */
export interface TimingRule {
  min: number;
  max: number;
  /** Why a fraction is refused. */
  whole: string;
  /** The range, and what 0 means, read beside the refused field. */
  range: string;
}

/**
 * The ranges of auto-lock and clipboard clearing, as plain data: the vault's settings schema is
 * built from them, and the page checks a typed value with them without carrying a schema library.
 */
export const TIMING_RULES: Record<ProtectiveTiming, TimingRule> = {
  autoLockMinutes: {
    min: 0,
    max: 24 * 60,
    whole: 'Auto-lock takes a whole number of minutes.',
    range: 'Choose 0 to 1440 minutes (a day); 0 turns auto-lock off.',
  },
  clipboardClearSeconds: {
    min: 0,
    max: 600,
    whole: 'Clipboard clearing takes a whole number of seconds.',
    range: 'Choose 0 to 600 seconds (10 minutes); 0 clears only signed commands, when they expire.',
  },
};

/** Why the vault would refuse `value` for the setting, or null when it takes it. */
export function timingProblem(name: ProtectiveTiming, value: number): string | null {
  const rule = TIMING_RULES[name];
  if (!Number.isInteger(value)) return rule.whole;
  return value < rule.min || value > rule.max ? rule.range : null;
}
