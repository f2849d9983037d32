import { z } from 'zod';
import { AppError } from '../../app/app-error';
import { checkKid, checkSecret } from '../../app/barong/credentials';
import { exchangeUrlProblem } from '../../app/barong/exchange-url';
import { REMOTE_STATES } from './records';

/** Every input of the vault's API is parsed here; the messages are shown to the trader. */

const PRINTABLE = /^[\x21-\x7e]+$/;
const checked = (check: (value: string) => unknown) => (value: string, context: z.RefinementCtx) => {
  try {
    check(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullish()
    .transform((value) => (value ? value : null));

export const accountFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Give the account a name.').max(100, 'At most 100 characters.'),
  baseUrl: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const problem = exchangeUrlProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: `The exchange URL ${problem}.` });
    })
    .transform((value) => value.replace(/\/+$/, '')),
  nonceLifetimeMs: z.number().int('A whole number of milliseconds.').min(1000, 'At least 1000 ms.').max(600_000, 'At most 600000 ms.').default(5000),
  loginEmail: z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), z.string().trim().email('Not an email address.').nullish())
    .transform((value) => value ?? null),
  notes: optionalText(2000),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #3366cc.')
    .nullish()
    .transform((value) => value ?? null),
});
export type AccountInput = z.input<typeof accountFieldsSchema>;

export const idSchema = z.string().uuid('Not a vault id.');

const scopeListSchema = z.array(z.string().regex(PRINTABLE, 'A scope is printable ASCII without spaces.').max(64)).max(50);
const scopesSchema = scopeListSchema.default([]);

export const keyInputSchema = z.object({
  accountId: idSchema,
  kid: z.string().superRefine(checked(checkKid)),
  secret: z.string().superRefine(checked(checkSecret)),
  label: z.string().trim().max(100, 'At most 100 characters.').default(''),
  scopes: scopesSchema,
});
export type KeyInput = z.input<typeof keyInputSchema>;

export const createdKeyInputSchema = keyInputSchema.extend({
  remoteState: z.enum(REMOTE_STATES).default('active'),
});
export type CreatedKeyInput = z.input<typeof createdKeyInputSchema>;

export const keyCreationSchema = z.object({
  accountId: idSchema,
  label: z.string().trim().max(100, 'At most 100 characters.').default(''),
  scopes: scopesSchema,
});
export type KeyCreationInput = z.input<typeof keyCreationSchema>;

export const keyEditSchema = z.object({
  label: z.string().trim().max(100, 'At most 100 characters.').optional(),
  scopes: scopeListSchema.optional(),
});

export const remoteStateSchema = z.enum(REMOTE_STATES);

export const passphraseSchema = z.string().min(8, 'Use a passphrase of at least 8 characters.').max(1024);

export const totpSeedSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{16,128}=*$/, 'A 2FA seed is base32 text (letters A-Z and digits 2-7), at least 16 characters.'));

export const auditUseSchema = z.object({
  action: z.enum(['sign', 'send', 'copy']),
  method: z.string().max(10).nullish().transform((value) => value ?? null),
  path: z.string().max(2000).nullish().transform((value) => value ?? null),
  status: z.number().int().nullish().transform((value) => value ?? null),
  outcome: z.string().max(200).nullish().transform((value) => value ?? null),
});

export const COMMAND_FORMATS = ['httpie', 'curl', 'powershell', 'script'] as const;

// The trader reads these beside the field that was refused: the range, and what 0 means.
const AUTO_LOCK_RANGE = 'Choose 0 to 1440 minutes (a day); 0 turns auto-lock off.';
const CLIPBOARD_RANGE = 'Choose 0 to 600 seconds (10 minutes); 0 leaves the clipboard alone.';

export const settingsSchema = z.object({
  /** 0 turns auto-lock off. */
  autoLockMinutes: z
    .number()
    .int('Auto-lock takes a whole number of minutes.')
    .min(0, AUTO_LOCK_RANGE)
    .max(24 * 60, AUTO_LOCK_RANGE)
    .default(10),
  /** 0 leaves the clipboard alone. */
  clipboardClearSeconds: z
    .number()
    .int('Clipboard clearing takes a whole number of seconds.')
    .min(0, CLIPBOARD_RANGE)
    .max(600, CLIPBOARD_RANGE)
    .default(20),
  defaultCommandFormat: z.enum(COMMAND_FORMATS).default('curl'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
});
export type Settings = z.output<typeof settingsSchema>;

/** Parses with a schema; a failure is an `input.invalid` error naming the first problem. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new AppError('input.invalid', `${what}${field}: ${issue?.message ?? 'invalid input'}`);
}
