import { z } from 'zod';
import { exchangeUrlProblem } from './base-url';
import { DEFAULT_NONCE_LIFETIME_MS, NONCE_LIFETIME_RANGE_MS } from './clock';

/** The longest value each account field may hold; the bridge bounds its requests with the same numbers. */
export const ACCOUNT_LIMITS = { name: 100, baseUrl: 2000, loginEmail: 320, notes: 2000, color: 7 } as const;

const atMost = (max: number) => `At most ${max} characters.`;
const { min: LIFETIME_MIN, max: LIFETIME_MAX } = NONCE_LIFETIME_RANGE_MS;

/** An exchange account as the trader describes it; the messages are shown beside the field. */
export const accountFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Give the account a name.').max(ACCOUNT_LIMITS.name, atMost(ACCOUNT_LIMITS.name)),
  baseUrl: z
    .string()
    .trim()
    .max(ACCOUNT_LIMITS.baseUrl, atMost(ACCOUNT_LIMITS.baseUrl))
    .superRefine((value, context) => {
      const problem = exchangeUrlProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: `The exchange URL ${problem}.` });
    })
    .transform((value) => value.replace(/\/+$/, '')),
  nonceLifetimeMs: z
    .number()
    .int('A whole number of milliseconds.')
    .min(LIFETIME_MIN, `At least ${LIFETIME_MIN} ms.`)
    .max(LIFETIME_MAX, `At most ${LIFETIME_MAX} ms.`)
    .default(DEFAULT_NONCE_LIFETIME_MS),
  loginEmail: z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
      z.string().trim().max(ACCOUNT_LIMITS.loginEmail, atMost(ACCOUNT_LIMITS.loginEmail)).email('Not an email address.').nullish(),
    )
    .transform((value) => value ?? null),
  notes: z
    .string()
    .trim()
    .max(ACCOUNT_LIMITS.notes, atMost(ACCOUNT_LIMITS.notes))
    .nullish()
    .transform((value) => (value ? value : null)),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #3366cc.')
    .nullish()
    .transform((value) => value ?? null),
});
export type AccountInput = z.input<typeof accountFieldsSchema>;
export type AccountFields = z.output<typeof accountFieldsSchema>;
