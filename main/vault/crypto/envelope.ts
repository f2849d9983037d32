import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { VaultError } from '../vault-error';

/**
 * AES-256-GCM with a fresh 96-bit IV per write. Layout: version (1) | IV (12) | tag (16) |
 * ciphertext. The version byte and the caller's associated data (which row the value belongs
 * to) are authenticated, so a ciphertext copied onto another row, or any flipped bit, fails.
 */
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const KEY_BYTES = 32;

const additionalData = (associatedData: string) => Buffer.concat([Buffer.of(FORMAT_VERSION), Buffer.from(associatedData, 'utf8')]);

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), ciphertext]);
}

export function open(key: Buffer, sealed: Buffer, associatedData: string, what = 'A stored secret'): Buffer {
  if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_VERSION) {
    throw new VaultError('vault.tampered', `${what} is damaged or was written by another version of Barong Vault.`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(associatedData));
  decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new VaultError('vault.tampered', `${what} does not decrypt: it was changed or moved outside Barong Vault.`);
  }
}
