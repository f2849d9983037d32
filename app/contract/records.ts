import { z } from 'zod';
import { HTTP_METHODS } from '../commands/request';
import type { JsonValue } from '../commands/request';
import { ACCOUNT_LIMITS } from '../domain/account';
import { pathShapeProblem, POLICY_LIMITS } from '../domain/agent-policy';
import type { KeyPolicy } from '../domain/agent-policy';
import { balanceSchema as domainBalanceSchema } from '../domain/balances';
import { CLOCK_SOURCES } from '../domain/clock';
import type { ClockSkewWarning } from '../domain/clock';
import { COMMAND_FORMATS, settingsSchema as domainSettingsSchema } from '../domain/settings';
import { KEY_ORIGINS, REMOTE_STATES, SCOPE_LIMITS } from '../domain/remote-keys';
import { jsonValueSchema } from './json-value';

/**
 * The shapes that cross the bridge, as views of app/domain. Answers are strict objects: a field
 * the contract does not name (a secret, a cookie) makes the backend's answer fail its own check
 * instead of crossing. Requests are only bounded here: the backend parses them with the domain's rules.
 */

export const idSchema = z.uuid('Not a vault id.');
const timestamp = z.number();
const bounded = (max: number) => z.string().max(max, `At most ${max} characters.`);

export const vaultStatusSchema = z.strictObject({
  setUp: z.boolean(),
  unlocked: z.boolean(),
  /** The vault key is wrapped by a passphrase. */
  passphrase: z.boolean(),
  /** The keychain backend that wrapped the vault key, or null. */
  keychain: z.string().nullable(),
  /** This computer's keychain now: first run offers it only where it is available and secure. */
  computerKeychain: z.strictObject({ available: z.boolean(), backend: z.string().nullable(), secure: z.boolean() }),
});

export const accountFieldsSchema = z.object({
  name: bounded(ACCOUNT_LIMITS.name),
  baseUrl: bounded(ACCOUNT_LIMITS.baseUrl),
  nonceLifetimeMs: z.number().optional(),
  loginEmail: bounded(ACCOUNT_LIMITS.loginEmail).nullish(),
  notes: bounded(ACCOUNT_LIMITS.notes).nullish(),
  color: bounded(ACCOUNT_LIMITS.color).nullish(),
});

export const accountSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  nonceLifetimeMs: z.number(),
  loginEmail: z.string().nullable(),
  notes: z.string().nullable(),
  color: z.string().nullable(),
  sortOrder: z.number(),
  /** Only whether one is stored; the seed itself never leaves main. */
  hasTotpSeed: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** What names a key in the accounts list, so that the renderer can search it without asking main. */
export const keyNameSchema = z.strictObject({ kid: z.string(), label: z.string() });
export const accountSummarySchema = accountSchema.extend({ keys: z.array(keyNameSchema), lastUsedAt: timestamp.nullable() }).strict();
/** An account as the desk lists it: with its session's state on the exchange, which lives in main's memory only. */
export const listedAccountSchema = accountSummarySchema.extend({ session: z.enum(['logged_out', 'logged_in', 'expired']) }).strict();

export { COMMAND_FORMATS, REMOTE_STATES };

export const scopesSchema = z.array(bounded(SCOPE_LIMITS.length)).max(SCOPE_LIMITS.count);

const policyPath = bounded(POLICY_LIMITS.pathLength).superRefine((path, context) => {
  const problem = pathShapeProblem(path);
  if (problem) context.addIssue({ code: 'custom', message: `A policy path ${problem}.` });
});
const wholeNumber = (max: number) => z.number().int('A whole number.').min(1, 'At least 1.').max(max, `At most ${max}.`);

/** What local programs may sign with a key (app/domain/agent-policy.ts), bounded and on one spelling of each path. */
export const keyPolicySchema = z.strictObject({
  agentUse: z.boolean(),
  rules: z
    .array(z.strictObject({ methods: z.array(z.enum(HTTP_METHODS)).min(1).max(HTTP_METHODS.length).readonly(), pathPrefix: policyPath }))
    .max(POLICY_LIMITS.rules, `At most ${POLICY_LIMITS.rules} rules.`)
    .readonly(),
  withdrawalPaths: z.array(policyPath).max(POLICY_LIMITS.rules, `At most ${POLICY_LIMITS.rules} paths.`).readonly(),
  budget: z.strictObject({ requests: wholeNumber(POLICY_LIMITS.maxRequests), windowSeconds: wholeNumber(POLICY_LIMITS.maxWindowSeconds) }),
}) satisfies z.ZodType<KeyPolicy>;

export const apiKeySchema = z.strictObject({
  id: z.string(),
  accountId: z.string(),
  kid: z.string(),
  label: z.string(),
  algorithm: z.literal('HS256'),
  scopes: z.array(z.string()),
  remoteState: z.enum(REMOTE_STATES),
  origin: z.enum(KEY_ORIGINS),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  policy: keyPolicySchema,
});

/** A program connected to the signing agent: the name it gave, and since when (ms since the epoch). */
export const agentClientSchema = z.strictObject({ name: z.string(), connectedAt: timestamp });

/** A signing proxy the app runs for a key. Its url holds the proxy's token: it is for the owner to give a program, shown in the app, never logged. */
export const runningProxySchema = z.strictObject({ keyId: z.string(), url: z.string(), port: z.number() });

/** The signing agent (a socket for local programs) and the proxies, as the app runs them. */
export const agentStatusSchema = z.strictObject({
  /** The owner's choice, kept in the vault across restarts. */
  enabled: z.boolean(),
  /** Serving now: on and listening, even while the vault is locked (programs are then told so). */
  running: z.boolean(),
  /** Why an agent that is on does not serve (another agent holds the socket), in words; null otherwise. */
  problem: z.string().nullable(),
  socket: z.string(),
  tokenFile: z.string(),
  clients: z.array(agentClientSchema),
  proxies: z.array(runningProxySchema),
});

export const storedKeySchema = z.strictObject({ key: apiKeySchema, warnings: z.array(z.string()) });

export const pendingCreationSchema = z.strictObject({
  id: z.string(),
  accountId: z.string(),
  label: z.string(),
  scopes: z.array(z.string()),
  startedAt: timestamp,
});

export const auditEntrySchema = z.strictObject({
  id: z.number(),
  at: timestamp,
  action: z.string(),
  accountId: z.string().nullable(),
  keyId: z.string().nullable(),
  kid: z.string().nullable(),
  method: z.string().nullable(),
  path: z.string().nullable(),
  status: z.number().nullable(),
  outcome: z.string().nullable(),
});

const { autoLockMinutes, clipboardClearSeconds, defaultCommandFormat, theme } = domainSettingsSchema.shape;
export const settingsSchema = z.strictObject({
  autoLockMinutes: autoLockMinutes.unwrap(),
  clipboardClearSeconds: clipboardClearSeconds.unwrap(),
  defaultCommandFormat: defaultCommandFormat.unwrap(),
  theme: theme.unwrap(),
});

export const importReportSchema = z.strictObject({
  accountsAdded: z.number(),
  accountsMatched: z.number(),
  keysAdded: z.number(),
  duplicates: z.array(z.strictObject({ account: z.string(), kid: z.string(), sameSecret: z.boolean() })),
  settingsApplied: z.boolean(),
});

export const sessionUserSchema = z.strictObject({
  email: z.string(),
  uid: z.string(),
  role: z.string(),
  level: z.number(),
  /** 2FA is on for this user. */
  otp: z.boolean(),
  state: z.string(),
});

const loggedInSchema = z.strictObject({ status: z.literal('logged_in'), user: sessionUserSchema, idleExpiresAt: timestamp.nullable() });

export const sessionStateSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('logged_out') }),
  loggedInSchema,
  z.strictObject({ status: z.literal('expired'), user: sessionUserSchema }),
]);

/**
 * Barong asked for a 2FA code and the account stores no seed: the renderer asks the trader and
 * calls the same channel again with `code`. Callbacks cannot cross IPC; a second call can.
 */
export const codeNeededSchema = z.strictObject({ status: z.literal('code_needed') });

export const loginAnswerSchema = z.discriminatedUnion('status', [codeNeededSchema, loggedInSchema]);

export const balanceSchema = domainBalanceSchema.strict();

export const remoteKeySchema = z.strictObject({
  kid: z.string(),
  algorithm: z.string(),
  scopes: z.array(z.string()),
  state: z.string(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const reconciliationSchema = z.strictObject({
  /** Keys the exchange has and the vault does not: their secret is not known here. */
  onlyOnExchange: z.array(remoteKeySchema),
  onlyInVault: z.array(apiKeySchema),
  /** Changes already applied to the vault. */
  stateChanges: z.array(z.strictObject({ keyId: z.string(), kid: z.string(), from: z.enum(REMOTE_STATES), to: z.enum(REMOTE_STATES) })),
  inSync: z.array(apiKeySchema),
  pendingCreations: z.array(pendingCreationSchema),
});

export const clockReadingSchema = z.strictObject({
  /** Add to the local clock to get the exchange's, in ms. */
  offsetMs: z.number(),
  uncertaintyMs: z.number(),
  roundTripMs: z.number(),
  source: z.enum(CLOCK_SOURCES),
  warning: z
    .strictObject({ offsetMs: z.number(), uncertaintyMs: z.number(), nonceLifetimeMs: z.number(), exceedsLifetime: z.boolean() })
    .nullable() satisfies z.ZodType<ClockSkewWarning | null>,
});

export { CODE_PURPOSES } from '../domain/two-factor';

/** A code the trader typed; Barong's codes are six digits. */
export const typedCodeSchema = z
  .string()
  .max(20)
  .transform((code) => code.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'A 2FA code is 6 digits.'));

/** A request to sign or send: the account's base URL is added in main. */
export const requestSpecSchema = z.object({
  method: z.enum(HTTP_METHODS),
  path: bounded(2000),
  query: z
    .array(z.tuple([bounded(2000), bounded(10_000)]))
    .max(200)
    .default([]),
  body: jsonValueSchema.optional(),
});

/** A request saved under a name for an account, as the signer would sign or send it. */
export const savedRequestSchema = z.strictObject({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  request: z.strictObject({
    method: z.enum(HTTP_METHODS),
    path: z.string(),
    query: z.array(z.tuple([z.string(), z.string()])),
    body: z.custom<JsonValue>((value) => value !== undefined).optional(),
  }),
  savedAt: timestamp,
});

export const renderedCommandSchema = z.strictObject({
  format: z.enum(COMMAND_FORMATS),
  text: z.string(),
  /** Local clock ms from which the exchange refuses the command; null for the script, which signs when it runs. */
  expiresAtMs: timestamp.nullable(),
  /** Local clock ms at which it was signed, for the countdown's full length. */
  signedAtMs: timestamp,
});

/** A command signed and put on the clipboard by main, which the renderer cannot reach itself. */
export const copiedCommandSchema = renderedCommandSchema
  .extend({
    /** Seconds (not whole) until main clears it from the clipboard, if it is still there; 0: it stays, as a script does. */
    clearsInSeconds: z.number(),
  })
  .strict();

export const sentRequestSchema = z.strictObject({
  status: z.number(),
  totalMs: z.number(),
  /** The answer's headers, joined where repeated; Set-Cookie is never passed on. */
  headers: z.record(z.string(), z.string()),
  /** Parsed JSON when the exchange answered JSON, its text otherwise, null when empty. */
  body: z.custom<JsonValue>((value) => value !== undefined),
  /** The body as the trader reads it: indented JSON, or the text as it came. */
  pretty: z.string(),
});

export const keyTestSchema = z.discriminatedUnion('works', [
  z.strictObject({ works: z.literal(true), balances: z.array(balanceSchema), totalMs: z.number() }),
  z.strictObject({
    works: z.literal(false),
    problem: z.strictObject({ code: z.string(), message: z.string(), action: z.string(), status: z.number().optional() }),
  }),
]);
