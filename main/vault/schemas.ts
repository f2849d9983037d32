import { z } from 'zod';
import { AppError } from '../../app/app-error';
import { helloRequestSchema, signRequestSchema } from '../../app/agent/wire';
import { checkKid, checkSecret } from '../../app/barong/credentials';
import { LONE_SURROGATE } from '../../app/commands/request';
import { requestSpecSchema } from '../../app/contract/records';
import { KEY_LABEL_MAX, REMOTE_STATES, SCOPE_LIMITS } from '../../app/domain/remote-keys';
import { SAVED_REQUEST_LIMITS } from '../../app/domain/saved-requests';

/**
 * Every input of the vault's API is parsed here; the messages are shown to the trader. The shapes
 * and rules shared with the rest of the app (accounts, settings, key states) come from app/domain.
 */

const PRINTABLE = /^[\x21-\x7e]+$/;
const checked = (check: (value: string) => unknown) => (value: string, context: z.RefinementCtx) => {
  try {
    check(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
};

export { accountFieldsSchema } from '../../app/domain/account';
export type { AccountInput } from '../../app/domain/account';

export const idSchema = z.uuid('Not a vault id.');

const scopeListSchema = z.array(z.string().regex(PRINTABLE, 'A scope is printable ASCII without spaces.').max(SCOPE_LIMITS.length)).max(SCOPE_LIMITS.count);
const scopesSchema = scopeListSchema.default([]);

export const keyInputSchema = z.object({
  accountId: idSchema,
  kid: z.string().superRefine(checked(checkKid)),
  secret: z.string().superRefine(checked(checkSecret)),
  label: z.string().trim().max(KEY_LABEL_MAX, `At most ${KEY_LABEL_MAX} characters.`).default(''),
  scopes: scopesSchema,
});
export type KeyInput = z.input<typeof keyInputSchema>;

export const createdKeyInputSchema = keyInputSchema.extend({
  remoteState: z.enum(REMOTE_STATES).default('active'),
});
export type CreatedKeyInput = z.input<typeof createdKeyInputSchema>;

export const keyCreationSchema = z.object({
  accountId: idSchema,
  label: z.string().trim().max(KEY_LABEL_MAX, `At most ${KEY_LABEL_MAX} characters.`).default(''),
  scopes: scopesSchema,
});
export type KeyCreationInput = z.input<typeof keyCreationSchema>;

export const keyEditSchema = z.object({
  label: z.string().trim().max(KEY_LABEL_MAX, `At most ${KEY_LABEL_MAX} characters.`).optional(),
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
  method: z
    .string()
    .max(10)
    .nullish()
    .transform((value) => value ?? null),
  path: z
    .string()
    .max(2000)
    .nullish()
    .transform((value) => value ?? null),
  status: z
    .number()
    .int()
    .nullish()
    .transform((value) => value ?? null),
  outcome: z
    .string()
    .max(200)
    .nullish()
    .transform((value) => value ?? null),
});

export { keyPolicySchema } from '../../app/contract/records';

// Text stored as TEXT must read back as written, or its row's MAC would fail: no lone surrogate
// (SQLite keeps UTF-8, which has none) and no NUL; a name holds no control characters either.
const CONTROL = /\p{Cc}/u;
const storableText = (value: string) => !LONE_SURROGATE.test(value) && !value.includes('\0');

/** A request saved under a name for an account: the signer's request, within its bounds, storable as it is. */
export const savedRequestInputSchema = z.object({
  accountId: idSchema,
  name: z
    .string()
    .trim()
    .min(1, 'Give the request a name.')
    .max(SAVED_REQUEST_LIMITS.name, `At most ${SAVED_REQUEST_LIMITS.name} characters.`)
    .refine((name) => storableText(name) && !CONTROL.test(name), 'A name is plain text on one line.'),
  request: requestSpecSchema
    .refine((request) => request.path.startsWith('/'), { message: 'The path must start with "/".', path: ['path'] })
    .refine((request) => [request.path, ...request.query.flat()].every(storableText), {
      message: 'The path and the query parameters must be valid Unicode text without NUL characters.',
      path: ['path'],
    }),
});
export type SavedRequestInput = z.input<typeof savedRequestInputSchema>;

// Room for the agent's words about a refusal, which may quote the path asked for.
const AGENT_OUTCOME_MAX = 4096;
const agentRequest = { client: helloRequestSchema.shape.client, method: signRequestSchema.shape.method, path: signRequestSchema.shape.path };

/** A request the signing agent signed or refused for a key, as the audit log records it. */
export const agentUseSchema = z.object({ keyId: idSchema, ...agentRequest, outcome: z.string().min(1).max(AGENT_OUTCOME_MAX) });
/** When the agent answered a use (ms since the epoch): its row says that moment, not when its batch was written. */
export const agentUseTimeSchema = z.number().int().nonnegative();

/** A program the agent refused before any key was in question (a wrong token, an unknown key); it may not have named itself yet. */
export const agentRefusalSchema = z.object({
  client: agentRequest.client.optional(),
  method: agentRequest.method.optional(),
  path: agentRequest.path.optional(),
  reason: z.string().min(1).max(AGENT_OUTCOME_MAX),
});

export { settingsSchema } from '../../app/domain/settings';
export type { Settings } from '../../app/domain/settings';

/** Parses with a schema; a failure is an `input.invalid` error naming the first problem. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new AppError('input.invalid', `${what}${field}: ${issue?.message ?? 'invalid input'}`);
}
