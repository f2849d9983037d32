import { loweredProtection } from '../domain/lowered-protection';
import type { Settings } from '../domain/settings';
import type { BackupPlan } from './backup-records';

// Plain functions without the plan's schema, so that the page can judge a plan without carrying zod.

/** The parts of an import that need the owner's proof. */
export interface ImportPlanSummary {
  addsKeysToExistingAccounts: boolean;
  /** Applying the settings would keep the vault open, or a copied command on the clipboard, longer (or for ever). */
  lowersProtection: boolean;
}

export function importPlanSummary(plan: BackupPlan, applySettings: boolean): ImportPlanSummary {
  return { addsKeysToExistingAccounts: plan.keysIntoExisting.length > 0, lowersProtection: applySettings && settingsLowered(plan).length > 0 };
}

/** What of the import needs the owner, in the owner's words; null when nothing does. */
export function needsOwner(plan: BackupPlan, applySettings: boolean): string | null {
  const summary = importPlanSummary(plan, applySettings);
  const parts = [
    summary.addsKeysToExistingAccounts ? `Add ${countOf(plan.keysIntoExisting.length, 'key')} from a backup to accounts already in the vault` : null,
    summary.lowersProtection ? `Apply the backup's ${settingsLowered(plan).join(' and ')} setting, which protects less than the current one` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join('; ');
}

const SETTING_WORDS: Partial<Record<keyof Settings, string>> = { autoLockMinutes: 'auto-lock', clipboardClearSeconds: 'clipboard clearing' };

function settingsLowered(plan: BackupPlan): string[] {
  const timing = (name: 'autoLockMinutes' | 'clipboardClearSeconds', side: 'current' | 'backup') => {
    const value = plan.settings.find((change) => change.name === name)?.[side];
    return typeof value === 'number' ? value : undefined;
  };
  const current = { autoLockMinutes: timing('autoLockMinutes', 'current') ?? 0, clipboardClearSeconds: timing('clipboardClearSeconds', 'current') ?? 0 };
  const changes = { autoLockMinutes: timing('autoLockMinutes', 'backup'), clipboardClearSeconds: timing('clipboardClearSeconds', 'backup') };
  return loweredProtection(current, changes).map(({ setting }) => SETTING_WORDS[setting] ?? setting);
}

const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
