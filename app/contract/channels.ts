import { z } from 'zod';
import { KEY_LABEL_MAX } from '../domain/remote-keys';
import { THEMES } from '../domain/settings';
import { SAVED_REQUEST_LIMITS } from '../domain/saved-requests';
import { COMMAND_LAYOUTS } from '../commands/render';
import {
  accountFieldsSchema,
  agentStatusSchema,
  accountSchema,
  listedAccountSchema,
  apiKeySchema,
  auditEntrySchema,
  balanceSchema,
  clockReadingSchema,
  codeNeededSchema,
  COMMAND_FORMATS,
  copiedCommandSchema,
  idSchema,
  importReportSchema,
  keyPolicySchema,
  keyTestSchema,
  loginAnswerSchema,
  pendingCreationSchema,
  reconciliationSchema,
  renderedCommandSchema,
  requestSpecSchema,
  savedRequestSchema,
  scopesSchema,
  sentRequestSchema,
  sessionStateSchema,
  settingsSchema,
  storedKeySchema,
  typedCodeSchema,
  vaultStatusSchema,
} from './records';
import { backupPlanSchema } from './backup-records';

const channel = <Request extends z.ZodType, Response extends z.ZodType>(request: Request, response: Response) => ({ request, response });

/** Channels that take nothing: called as `api.vault.lock()`. */
const nothing = z.object({}).optional();
const done = z.null();
const passphrase = z.string().max(1024);
/**
 * The owner's proof for a privileged channel (see main/privilege): the vault passphrase where the
 * vault has one; absent on a keychain-only vault, where main asks in a native dialog instead.
 */
const owner = { ownerPassphrase: passphrase.optional() };
const byAccount = z.object({ accountId: idSchema });
const byKey = z.object({ keyId: idSchema });
const keyLabel = z.string().max(KEY_LABEL_MAX, `At most ${KEY_LABEL_MAX} characters.`);
/** A port for a signing proxy; none takes any free one. Ports below 1024 are the system's. */
const proxyPort = z.number().int('A whole number.').min(1024, 'At least 1024.').max(65_535, 'At most 65535.');
/** A 2FA code typed by the trader, when an earlier answer was `code_needed`. */
const optionalCode = { code: typedCodeSchema.optional() };
/** What to sign at the moment of the call, and as which command. */
const signing = z.object({ keyId: idSchema, format: z.enum(COMMAND_FORMATS), layout: z.enum(COMMAND_LAYOUTS).optional(), request: requestSpecSchema });
/** The longest backup the vault takes, as base64 characters: the cap keeps a hostile payload from filling memory. */
export const BACKUP_BASE64_MAX_CHARS = 64 * 1024 * 1024;
/** Base64 of an encrypted backup file. */
const backupFile = z
  .string()
  .max(BACKUP_BASE64_MAX_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not a backup file.');

/**
 * Every IPC channel, as `namespace.method`, with the schema of its request and of its answer's
 * value. Nothing here carries a secret to the renderer except `keys.reveal`.
 */
export const contract = {
  'vault.status': channel(nothing, vaultStatusSchema),
  'vault.create': channel(z.object({ passphrase: passphrase.optional(), keychain: z.boolean() }), vaultStatusSchema),
  'vault.unlock': channel(z.object({ passphrase: passphrase.optional() }), vaultStatusSchema),
  'vault.lock': channel(nothing, vaultStatusSchema),
  /** `current` is needed when the vault has a passphrase already. */
  /** Sets or changes the passphrase; privileged, so the current one proves the owner where there is one. */
  'vault.setPassphrase': channel(z.object({ ...owner, next: passphrase }), vaultStatusSchema),
  'vault.removePassphrase': channel(z.object({ ...owner }), vaultStatusSchema),
  'vault.addKeychain': channel(z.object({ ...owner }), vaultStatusSchema),
  'vault.removeKeychain': channel(z.object({ ...owner }), vaultStatusSchema),

  'accounts.list': channel(nothing, z.array(listedAccountSchema)),
  'accounts.get': channel(byAccount, accountSchema),
  'accounts.create': channel(accountFieldsSchema, accountSchema),
  /** A change of the base URL is privileged: it redirects where signatures and 2FA codes go. */
  'accounts.update': channel(z.object({ accountId: idSchema, fields: accountFieldsSchema, ...owner }), accountSchema),
  /** Deletes the account with its keys and 2FA seed, in the vault only. */
  'accounts.delete': channel(byAccount, done),
  'accounts.reorder': channel(z.object({ accountIds: z.array(idSchema).max(10_000) }), done),
  /** Stores (or with null, forgets) the account's 2FA seed: codes are then made in main. */
  'accounts.setTotpSeed': channel(z.object({ accountId: idSchema, seed: z.string().max(256).nullable(), ...owner }), accountSchema),

  'keys.list': channel(byAccount, z.array(apiKeySchema)),
  'keys.import': channel(
    z.object({ accountId: idSchema, kid: z.string().max(256), secret: z.string().max(1024), label: keyLabel.optional(), scopes: scopesSchema.optional() }),
    storedKeySchema,
  ),
  'keys.edit': channel(z.object({ keyId: idSchema, label: keyLabel.optional(), scopes: scopesSchema.optional() }), apiKeySchema),
  /** Forgets the key here only; `exchange.deleteKey` deletes it on the exchange too. */
  'keys.delete': channel(byKey, done),
  /** Puts the key's kid (not a secret) on the clipboard through main, as plain text that stays; main looks it up by keyId. */
  'keys.copyKid': channel(byKey, done),
  /**
   * The one answer that carries a secret; privileged, so the owner is proved at each call.
   * `deliver: 'clipboard'` puts it on the clipboard through main instead, cleared like any secret,
   * and answers when, without the secret: the page never holds it, and never sends it back.
   */
  'keys.reveal': channel(
    z.object({ keyId: idSchema, deliver: z.enum(['page', 'clipboard']).optional(), ...owner }),
    z.union([z.strictObject({ secret: z.string() }), z.strictObject({ clearsInSeconds: z.number() })]),
  ),
  /** What local programs (the signing agent and proxy) may sign with the key; privileged at every change, since it decides just that. */
  'keys.setPolicy': channel(z.object({ keyId: idSchema, policy: keyPolicySchema, ...owner }), apiKeySchema),
  /** Signed GET of the balances with the key: proves kid, secret, state and clock at once. */
  'keys.test': channel(byKey, keyTestSchema),
  'keys.pendingCreations': channel(z.object({ accountId: idSchema.optional() }), z.array(pendingCreationSchema)),
  'keys.dismissCreation': channel(z.object({ creationId: idSchema }), done),

  'exchange.session': channel(byAccount, sessionStateSchema),
  /**
   * What the exchange's login asks for, from its identity/configs, read before the password is:
   * `captcha`, a captcha the app cannot show. False too when the configs cannot be read.
   */
  'exchange.loginRequirements': channel(byAccount, z.strictObject({ captcha: z.boolean() })),
  /** Answers `code_needed` when Barong wants a 2FA code and the account stores no seed. */
  'exchange.login': channel(
    z.object({ accountId: idSchema, email: z.string().max(320), password: z.string().min(1).max(1024), ...optionalCode }),
    loginAnswerSchema,
  ),
  'exchange.logout': channel(byAccount, sessionStateSchema),
  /** "Validate session": the balances, which only a live session can read. */
  'exchange.balances': channel(byAccount, z.array(balanceSchema)),
  /** The exchange's key list compared with the vault's, the vault's states brought in line. */
  'exchange.reconcileKeys': channel(byAccount, reconciliationSchema),
  'exchange.createKey': channel(
    z.object({ accountId: idSchema, label: keyLabel.optional(), scopes: scopesSchema.optional(), ...optionalCode }),
    z.discriminatedUnion('status', [codeNeededSchema, storedKeySchema.extend({ status: z.literal('created') }).strict()]),
  ),
  'exchange.setKeyEnabled': channel(
    z.object({ keyId: idSchema, enabled: z.boolean(), ...optionalCode }),
    z.discriminatedUnion('status', [codeNeededSchema, z.strictObject({ status: z.literal('changed'), key: apiKeySchema })]),
  ),
  'exchange.deleteKey': channel(
    z.object({ keyId: idSchema, ...optionalCode }),
    z.discriminatedUnion('status', [codeNeededSchema, z.strictObject({ status: z.literal('deleted') })]),
  ),
  'exchange.syncClock': channel(byAccount, clockReadingSchema),
  /** The last sync's reading, or null when this account was not synced since the app started. */
  'exchange.clock': channel(byAccount, clockReadingSchema.nullable()),

  /** Signs now and renders; `expiresAtMs` is on this computer's clock, for the countdown. */
  'signer.render': channel(signing, renderedCommandSchema),
  /**
   * Signs now and puts the command on the clipboard through main; a signed one is cleared, if still
   * there, when it expires or after the `clipboardClearSeconds` setting, whichever comes first (at
   * expiry even with the setting at 0). `clipboard.unavailable` where there is none.
   */
  'signer.copy': channel(signing, copiedCommandSchema),
  /** Signs and sends from main; a refusal comes back as an error with the catalogue's words and action. */
  'signer.send': channel(z.object({ keyId: idSchema, request: requestSpecSchema }), sentRequestSchema),

  /** The account's saved requests, by name. */
  'requests.list': channel(byAccount, z.array(savedRequestSchema)),
  /** Saves the request under the name for the account; a name the account already uses is replaced. Bodies are never audited or logged. */
  'requests.save': channel(
    z.object({
      accountId: idSchema,
      name: z.string().max(SAVED_REQUEST_LIMITS.name, `At most ${SAVED_REQUEST_LIMITS.name} characters.`),
      request: requestSpecSchema,
    }),
    savedRequestSchema,
  ),
  'requests.delete': channel(z.object({ requestId: idSchema }), done),

  'settings.get': channel(nothing, settingsSchema),
  'settings.update': channel(
    z.object({
      autoLockMinutes: z.number().optional(),
      clipboardClearSeconds: z.number().optional(),
      defaultCommandFormat: z.enum(COMMAND_FORMATS).optional(),
      theme: z.enum(THEMES).optional(),
      /** Needed when a change lowers protection (a longer or no auto-lock or clipboard clearing). */
      ...owner,
    }),
    settingsSchema,
  ),

  'audit.list': channel(z.object({ limit: z.number().int().min(1).max(1000).optional(), beforeId: z.number().int().optional() }), z.array(auditEntrySchema)),

  /** The encrypted backup file, base64: the renderer saves it where the trader chooses. */
  'backup.export': channel(z.object({ ...owner, passphrase }), z.strictObject({ fileName: z.string(), contentBase64: z.string() })),
  /** What `backup.import` would do with this file, written nowhere: the trader sees it first. */
  'backup.preview': channel(z.object({ contentBase64: backupFile, passphrase }), backupPlanSchema),
  /** Privileged when it adds keys to existing accounts or applies settings that protect less; the backup's settings only with `applySettings`. */
  'backup.import': channel(z.object({ contentBase64: backupFile, passphrase, ...owner, applySettings: z.boolean().optional() }), importReportSchema),

  'agent.status': channel(nothing, agentStatusSchema),
  /** On is privileged (programs holding the agent's token may then ask for signatures) and kept across restarts; off needs nothing. */
  'agent.setEnabled': channel(z.object({ enabled: z.boolean(), ...owner }), agentStatusSchema),
  /** A signing proxy on 127.0.0.1 for a key open to programs: privileged, since whoever has its url signs with the key as its policy allows. */
  'agent.startProxy': channel(z.object({ keyId: idSchema, port: proxyPort.optional(), ...owner }), agentStatusSchema),
  'agent.stopProxy': channel(byKey, agentStatusSchema),
  /** Puts the proxy's url on the clipboard through main, cleared like a signed command: it works as a credential while the proxy runs. */
  'agent.copyProxyUrl': channel(byKey, z.strictObject({ clearsInSeconds: z.number() })),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];
