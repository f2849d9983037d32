import { z } from 'zod';

/** How a signed request is handed over: three ready-to-run commands, or a script that signs when it runs. */
export const COMMAND_FORMATS = ['httpie', 'curl', 'powershell', 'script'] as const;
export type CommandFormat = (typeof COMMAND_FORMATS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;

// The trader reads these beside the field that was refused: the range, and what 0 means.
const AUTO_LOCK_RANGE = 'Choose 0 to 1440 minutes (a day); 0 turns auto-lock off.';
const CLIPBOARD_RANGE = 'Choose 0 to 600 seconds (10 minutes); 0 leaves the clipboard alone.';

/** The app's settings as the vault stores them, with their defaults. */
export const settingsSchema = z.object({
  /** 0 turns auto-lock off. */
  autoLockMinutes: z
    .number()
    .int('Auto-lock takes a whole number of minutes.')
    .min(0, AUTO_LOCK_RANGE)
    .max(24 * 60, AUTO_LOCK_RANGE)
    .default(10),
  /** 0 leaves the clipboard alone. */
  clipboardClearSeconds: z.number().int('Clipboard clearing takes a whole number of seconds.').min(0, CLIPBOARD_RANGE).max(600, CLIPBOARD_RANGE).default(20),
  defaultCommandFormat: z.enum(COMMAND_FORMATS).default('curl'),
  theme: z.enum(THEMES).default('system'),
});
export type Settings = z.output<typeof settingsSchema>;
