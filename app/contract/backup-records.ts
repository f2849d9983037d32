import { z } from 'zod';
import { loweredProtection } from '../domain/lowered-protection';
import type { Settings } from '../domain/settings';
import { settingsSchema } from './records';

/**
 * What importing a backup would do, shown to the trader before anything is written
 * (`backup.preview`). Names, hosts, kids and labels only: never a secret or a 2FA seed.
 */

const SETTING_NAMES = Object.keys(settingsSchema.shape) as Array<keyof Settings>;
const settingValue = z.union([z.number(), z.string()]);
const place = z.strictObject({ name: z.string(), host: z.string() });

export const backupPlanSchema = z.strictObject({
  /** The vault has no accounts: the backup is restored with its own ids and order. */
  restoring: z.boolean(),
  newAccounts: z.array(z.strictObject({ name: z.string(), host: z.string(), keyCount: z.number() })),
  /** Keys the backup adds to accounts already in the vault. */
  keysIntoExisting: z.array(z.strictObject({ account: z.string(), kid: z.string(), label: z.string() })),
  /** Keys already here, left alone; `sameSecret: false` means the backup holds another secret under that kid. */
  duplicates: z.array(z.strictObject({ account: z.string(), kid: z.string(), sameSecret: z.boolean() })),
  /** A new account whose name or host could be taken for one already here ("Main" and "Maín", or a host one letter apart). */
  lookAlikes: z.array(z.strictObject({ backup: place, existing: place, why: z.enum(['name', 'host']) })),
  /** The backup's settings that differ from the vault's; applied only when the import asks for them. */
  settings: z.array(z.strictObject({ name: z.enum(SETTING_NAMES), current: settingValue, backup: settingValue })),
});
export type BackupPlan = z.output<typeof backupPlanSchema>;

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
