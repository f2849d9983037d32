import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_SCRYPT_COST, derivePassphraseKey, newScryptParams } from '../crypto/passphrase-kdf';
import type { ScryptParams } from '../crypto/passphrase-kdf';
import type { ScryptCost } from '../vault-access';
import { VaultError } from '../vault-error';

/**
 * A backup file: the vault's contents sealed by a passphrase of their own. Layout, in bytes
 * (H = header length):
 *
 *     0      8  magic "BVBACKUP" (ASCII)
 *     8      1  format version (1)
 *     9      4  H, unsigned 32-bit big-endian
 *    13      H  header, UTF-8 JSON: { formatVersion, createdAt, scrypt: { N, r, p, salt }, payloadBytes }
 *    13+H   12  AES-256-GCM IV, fresh for every file
 *    25+H   16  GCM tag
 *    41+H    L  the encrypted payload; L = payloadBytes, and the file ends there
 *
 * Bytes 0 to 13+H are the associated data: no bit of the header can change without failing the tag.
 * The scrypt parameters travel in the header, so a file written at one cost still opens after
 * the default cost is raised.
 */
const BACKUP_MAGIC = Buffer.from('BVBACKUP', 'ascii');
const BACKUP_FORMAT_VERSION = 1;
const PREFIX_BYTES = BACKUP_MAGIC.length + 1 + 4;
const MAX_HEADER_BYTES = 4096;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_SALT_BYTES = 16;

const isPowerOfTwo = (value: number) => value > 1 && (value & (value - 1)) === 0;
const isCanonicalSalt = (value: string) => {
  const bytes = Buffer.from(value, 'base64');
  return bytes.length >= MIN_SALT_BYTES && bytes.toString('base64') === value;
};

// The header is read before anything is authenticated: its shape is checked here, its cost by
// checkKdfCost, and scrypt's own rule (N below 2^(16 r)) last, all before any key derivation.
const scryptParamsSchema = z.strictObject({
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .refine(isPowerOfTwo),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().refine(isCanonicalSalt),
});

/**
 * The most a backup may ask of scrypt: twice the app's default work (N = 2^17, r = 8, p = 1),
 * so 256 MiB and about a second at most. A file asking for more is refused before deriving
 * anything: its header is not authenticated yet, and one attempt at 128 times the default
 * cost holds the app for most of a minute.
 */
export const MAX_BACKUP_SCRYPT = { N: 2 ** 18, r: 16, p: 4, work: 2 * DEFAULT_SCRYPT_COST.N * DEFAULT_SCRYPT_COST.r * DEFAULT_SCRYPT_COST.p } as const;

function checkKdfCost({ N, r, p }: Omit<ScryptParams, 'salt'>): void {
  const cap = MAX_BACKUP_SCRYPT;
  if (N > cap.N || r > cap.r || p > cap.p || N * r * p > cap.work) {
    throw new VaultError(
      'backup.kdf_too_costly',
      'This backup asks for a far slower passphrase check than Barong Vault ever writes, so it was not opened. It was not made by this app, or it was altered.',
    );
  }
  if (N >= 2 ** (16 * r)) throw corrupt();
}

const headerSchema = z.strictObject({
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.number().int().nonnegative(),
  scrypt: scryptParamsSchema,
  payloadBytes: z.number().int().nonnegative(),
});
type BackupHeader = z.output<typeof headerSchema>;

const corrupt = () => new VaultError('backup.corrupt', 'This file is not a Barong Vault backup, or it is damaged.');

export async function sealBackup(payload: Buffer, passphrase: string, options: { cost: ScryptCost | undefined; now: number }): Promise<Buffer> {
  const scrypt = newScryptParams(options.cost);
  // A file this app could not open again is not written.
  checkKdfCost(scrypt);
  const header: BackupHeader = { formatVersion: BACKUP_FORMAT_VERSION, createdAt: options.now, scrypt, payloadBytes: payload.length };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const associatedData = Buffer.concat([BACKUP_MAGIC, Buffer.of(BACKUP_FORMAT_VERSION), length, headerBytes]);
  const key = await derivePassphraseKey(passphrase, scrypt);
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData);
    const ciphertext = Buffer.concat([cipher.update(payload), cipher.final()]);
    return Buffer.concat([associatedData, iv, cipher.getAuthTag(), ciphertext]);
  } finally {
    key.fill(0);
  }
}

/** The payload, or backup.corrupt for a file of the wrong shape, backup.wrong_passphrase when the tag fails. */
export async function openBackup(file: Buffer, passphrase: string): Promise<Buffer> {
  const { header, associatedData, iv, tag, ciphertext } = splitFile(file);
  const key = await derivePassphraseKey(passphrase, header.scrypt);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // GCM only says that the tag did not match: a wrong passphrase and a changed file look the same.
    throw new VaultError('backup.wrong_passphrase', 'Wrong backup passphrase, or the file was changed after it was written (the two cannot be told apart).');
  } finally {
    key.fill(0);
  }
}

function splitFile(file: Buffer) {
  if (file.length < PREFIX_BYTES || !file.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) throw corrupt();
  if (file[BACKUP_MAGIC.length] !== BACKUP_FORMAT_VERSION) {
    throw new VaultError('backup.corrupt', 'This backup was written by another version of Barong Vault, or it is damaged.');
  }
  const headerLength = file.readUInt32BE(BACKUP_MAGIC.length + 1);
  const headerEnd = PREFIX_BYTES + headerLength;
  if (headerLength > MAX_HEADER_BYTES || file.length < headerEnd + IV_BYTES + TAG_BYTES) throw corrupt();
  const header = parseHeader(file.subarray(PREFIX_BYTES, headerEnd));
  checkKdfCost(header.scrypt);
  // The declared length turns a truncated file into a clear backup.corrupt rather than a failed tag.
  if (file.length !== headerEnd + IV_BYTES + TAG_BYTES + header.payloadBytes) throw corrupt();
  return {
    header,
    associatedData: file.subarray(0, headerEnd),
    iv: file.subarray(headerEnd, headerEnd + IV_BYTES),
    tag: file.subarray(headerEnd + IV_BYTES, headerEnd + IV_BYTES + TAG_BYTES),
    ciphertext: file.subarray(headerEnd + IV_BYTES + TAG_BYTES),
  };
}

function parseHeader(bytes: Buffer): BackupHeader {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw corrupt();
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw corrupt();
  return parsed.data;
}
