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

/** The most a backup may hold: far beyond any trader's vault, and small enough to check and write at once. */
export const BACKUP_LIMITS = { accounts: 1000, keys: 20_000, kid: 256, secret: 1024 } as const;

const backupKeySchema = z.object({
  id: idSchema,
  kid: z.string().max(BACKUP_LIMITS.kid).pipe(keyInputSchema.shape.kid),
  secret: z.string().max(BACKUP_LIMITS.secret).pipe(keyInputSchema.shape.secret),
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
    .max(BACKUP_LIMITS.accounts)
    .refine((accounts) => allDistinct(accounts.map((account) => account.id)), 'Two accounts share an id.')
    .refine((accounts) => allDistinct(accounts.flatMap((account) => account.keys.map((key) => key.id))), 'Two keys share an id.')
    .refine((accounts) => accounts.every((account) => allDistinct(account.keys.map((key) => key.kid))), 'An account holds a kid twice.'),
  settings: settingsSchema,
});

export type BackupPayload = z.output<typeof backupPayloadSchema>;
export type BackupAccount = z.output<typeof backupAccountSchema>;
export type BackupKey = z.output<typeof backupKeySchema>;

// Without the secret and the keys: those are written piece by piece (see encodePayload).
const backupKeyFields = (key: ApiKey): Omit<BackupKey, 'secret'> => ({
  id: key.id,
  kid: key.kid,
  label: key.label,
  algorithm: key.algorithm,
  scopes: key.scopes,
  remoteState: key.remoteState,
  origin: key.origin,
  createdAt: key.createdAt,
  lastUsedAt: key.lastUsedAt,
});

const backupAccountFields = (account: Account, totpSeed: string | null): Omit<BackupAccount, 'keys'> => ({
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
});

/** The key's JSON object with `secret` last and the secret's bytes copied in as they are: it never becomes a string. */
function keyPiece(fields: Omit<BackupKey, 'secret'>, secret: Buffer, first: boolean): Buffer {
  const head = Buffer.from(`${first ? '' : ','}${JSON.stringify(fields).slice(0, -1)},"secret":`, 'utf8');
  const quoted = jsonStringBytes(secret);
  try {
    return Buffer.concat([head, quoted, Buffer.from('}')]);
  } finally {
    quoted.fill(0);
  }
}

/** A printable-ASCII secret as a JSON string; the escapes JSON requires, byte by byte. */
function jsonStringBytes(bytes: Buffer): Buffer {
  const escaped = (byte: number) => byte === 0x22 || byte === 0x5c || byte < 0x20;
  const out = Buffer.alloc(bytes.length * 6 + 2);
  let at = 0;
  out[at++] = 0x22;
  for (const byte of bytes) {
    if (!escaped(byte)) out[at++] = byte;
    else at += out.write(byte < 0x20 ? `\\u${byte.toString(16).padStart(4, '0')}` : `\\${String.fromCharCode(byte)}`, at, 'latin1');
  }
  out[at++] = 0x22;
  const result = Buffer.from(out.subarray(0, at));
  out.fill(0);
  return result;
}

export interface PayloadSource {
  accounts: Array<{ account: Account; totpSeed: string | null; keys: ApiKey[] }>;
  settings: BackupPayload['settings'];
  /** Lends a key's secret for as long as `use` runs, and zeroes it afterwards. */
  withSecret<T>(keyId: string, use: (secret: Buffer) => T): T;
}

/**
 * The payload's JSON, written one piece per account and per key, each piece zeroed once copied
 * into the result: no string ever holds every secret at once. The caller zeroes the result.
 */
export function encodePayload(source: PayloadSource): Buffer {
  const pieces: Buffer[] = [Buffer.from('{"accounts":[')];
  source.accounts.forEach(({ account, totpSeed, keys }, index) => {
    pieces.push(Buffer.from(`${index === 0 ? '' : ','}${JSON.stringify(backupAccountFields(account, totpSeed)).slice(0, -1)},"keys":[`, 'utf8'));
    keys.forEach((key, keyIndex) => pieces.push(source.withSecret(key.id, (secret) => keyPiece(backupKeyFields(key), secret, keyIndex === 0))));
    pieces.push(Buffer.from(']}'));
  });
  pieces.push(Buffer.from(`],"settings":${JSON.stringify(source.settings)}}`, 'utf8'));
  const payload = Buffer.alloc(pieces.reduce((total, piece) => total + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    at += piece.copy(payload, at);
    piece.fill(0);
  }
  return payload;
}

const tooLarge = () =>
  new VaultError(
    'backup.too_large',
    `This backup holds more than Barong Vault takes (at most ${BACKUP_LIMITS.accounts} accounts, ${BACKUP_LIMITS.keys} keys, and fields of ordinary size), so nothing was imported.`,
  );

/** Counted before the fields are checked one by one, so that a huge list is refused at once. */
function checkCounts(json: unknown): void {
  const accounts = (json as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(accounts)) return;
  if (accounts.length > BACKUP_LIMITS.accounts) throw tooLarge();
  const keys = accounts.reduce(
    (total: number, account: unknown) =>
      total + (Array.isArray((account as { keys?: unknown } | null)?.keys) ? (account as { keys: unknown[] }).keys.length : 0),
    0,
  );
  if (keys > BACKUP_LIMITS.keys) throw tooLarge();
}

/** The payload checked field by field; a problem is named by its place only, never by its value. */
export function decodePayload(bytes: Buffer): BackupPayload {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new VaultError('backup.corrupt', 'The backup decrypted, but what it holds is not a Barong Vault backup.');
  }
  checkCounts(json);
  const parsed = backupPayloadSchema.safeParse(json);
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array'))) throw tooLarge();
    const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
    throw new VaultError('backup.corrupt', `The backup decrypted, but what it holds is not a Barong Vault backup (problem at ${where}).`);
  }
  return parsed.data;
}
