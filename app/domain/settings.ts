import { z } from 'zod';
import { TIMING_RULES } from './timing-rules';

/** How a signed request is handed over: three ready-to-run commands, or a script that signs when it runs. */
export const COMMAND_FORMATS = ['httpie', 'curl', 'powershell', 'script'] as const;
export type CommandFormat = (typeof COMMAND_FORMATS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;

const timing = (name: keyof typeof TIMING_RULES, fallback: number) => {
  const { min, max, whole, range } = TIMING_RULES[name];
  return z.number().int(whole).min(min, range).max(max, range).default(fallback);
};

/** The app's settings as the vault stores them, with their defaults. */
export const settingsSchema = z.object({
  /** 0 turns auto-lock off. */
  autoLockMinutes: timing('autoLockMinutes', 10),
  /** 0 leaves the clipboard alone, but for a signed command, which is cleared when it expires. */
  clipboardClearSeconds: timing('clipboardClearSeconds', 20),
  defaultCommandFormat: z.enum(COMMAND_FORMATS).default('curl'),
  theme: z.enum(THEMES).default('system'),
});
export type Settings = z.output<typeof settingsSchema>;
