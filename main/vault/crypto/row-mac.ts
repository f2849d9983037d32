import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { KEY_BYTES } from './envelope';

// A key of its own for row MACs: the vault key is used raw only by AES-GCM.
const ROW_MAC_INFO = 'barong-vault/row-mac/v1';

export function deriveRowMacKey(vaultKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, Buffer.alloc(0), ROW_MAC_INFO, KEY_BYTES));
}

/** HMAC-SHA256 over the fields as a JSON array: one encoding, no two field lists alike. */
export function rowMac(macKey: Buffer, fields: readonly unknown[]): Buffer {
  return createHmac('sha256', macKey).update(JSON.stringify(fields)).digest();
}

export function rowMacMatches(macKey: Buffer, fields: readonly unknown[], mac: Buffer | null): boolean {
  const expected = rowMac(macKey, fields);
  return mac !== null && mac.length === expected.length && timingSafeEqual(mac, expected);
}
