import { z } from 'zod';
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
