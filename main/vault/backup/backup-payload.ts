import { z } from 'zod';
import type { Account, ApiKey } from '../records';
import { accountFieldsSchema, idSchema, keyInputSchema, remoteStateSchema, settingsSchema, totpSeedSchema } from '../schemas';
import { VaultError } from '../vault-error';

/**
 * What a backup holds, as JSON inside the encryption: every account with its 2FA seed and its
 * keys with their secrets, and the settings. Not the audit log, and not the key wraps: a backup
 * is opened by its own passphrase and re-sealed with the key of the vault it is imported into.
 */

const timestampSchema = z.number().int().nonnegative();

const backupKeySchema = z.object({
  id: idSchema,
  kid: keyInputSchema.shape.kid,
  secret: keyInputSchema.shape.secret,
  label: keyInputSchema.shape.label,
  algorithm: z.literal('HS256'),
  scopes: keyInputSchema.shape.scopes,
  remoteState: remoteStateSchema,
  origin: z.enum(['created', 'imported']),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
});

const backupAccountSchema = accountFieldsSchema.extend({
  id: idSchema,
  sortOrder: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  totpSeed: totpSeedSchema.nullable(),
  keys: z.array(backupKeySchema),
});

const allDistinct = (values: string[]) => new Set(values).size === values.length;

// An empty vault gets the ids of the backup, and the database allows one kid per account.
const backupPayloadSchema = z.object({
  accounts: z
    .array(backupAccountSchema)
    .refine((accounts) => allDistinct(accounts.map((account) => account.id)), 'Two accounts share an id.')
    .refine((accounts) => allDistinct(accounts.flatMap((account) => account.keys.map((key) => key.id))), 'Two keys share an id.')
    .refine((accounts) => accounts.every((account) => allDistinct(account.keys.map((key) => key.kid))), 'An account holds a kid twice.'),
  settings: settingsSchema,
});

export type BackupPayload = z.output<typeof backupPayloadSchema>;
export type BackupAccount = z.output<typeof backupAccountSchema>;
export type BackupKey = z.output<typeof backupKeySchema>;

export const backupKey = (key: ApiKey, secret: string): BackupKey => ({
  id: key.id,
  kid: key.kid,
  secret,
  label: key.label,
  algorithm: key.algorithm,
  scopes: key.scopes,
  remoteState: key.remoteState,
  origin: key.origin,
  createdAt: key.createdAt,
  lastUsedAt: key.lastUsedAt,
});

export const backupAccount = (account: Account, totpSeed: string | null, keys: BackupKey[]): BackupAccount => ({
  id: account.id,
  name: account.name,
  baseUrl: account.baseUrl,
  nonceLifetimeMs: account.nonceLifetimeMs,
  loginEmail: account.loginEmail,
  notes: account.notes,
  color: account.color,
  sortOrder: account.sortOrder,
  createdAt: account.createdAt,
  updatedAt: account.updatedAt,
  totpSeed,
  keys,
});

export const encodePayload = (payload: BackupPayload): Buffer => Buffer.from(JSON.stringify(payload), 'utf8');

/** The payload checked field by field; a problem is named by its place only, never by its value. */
export function decodePayload(bytes: Buffer): BackupPayload {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new VaultError('backup.corrupt', 'The backup decrypted, but what it holds is not a Barong Vault backup.');
  }
  const parsed = backupPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
    throw new VaultError('backup.corrupt', `The backup decrypted, but what it holds is not a Barong Vault backup (problem at ${where}).`);
  }
  return parsed.data;
}
