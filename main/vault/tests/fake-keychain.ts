import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeychainWrapper } from '../keychain-wrapper';

/**
 * A keychain that really encrypts, with an AES key of its own, like safeStorage does with the OS
 * keychain's key. Another instance has another key, so it cannot decrypt this one's ciphertexts:
 * that is how tests stage a keychain that was reset. `backendName` and `available` can be changed
 * to stage a keychain that was replaced or went away.
 */
export class FakeKeychain implements KeychainWrapper {
  backendName: string;
  available = true;
  /** Every plaintext the vault handed over (the vault key, base64): tests look for it at rest. */
  readonly plaintexts: string[] = [];
  private readonly key = randomBytes(32);

  constructor(backendName = 'gnome_libsecret') {
    this.backendName = backendName;
  }

  async isAvailable(): Promise<boolean> {
    return this.available;
  }

  async backend(): Promise<string> {
    return this.backendName;
  }

  async encrypt(plaintext: string): Promise<Buffer> {
    this.plaintexts.push(plaintext);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  async decrypt(ciphertext: Buffer): Promise<string> {
    if (!this.available) throw new Error('The keychain is not available.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, ciphertext.subarray(0, 12));
    decipher.setAuthTag(ciphertext.subarray(12, 28));
    return Buffer.concat([decipher.update(ciphertext.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/** The vault key inside what the vault handed the keychain: base64, after a format tag. */
export const keychainPlaintextKey = (plaintext: string): Buffer => Buffer.from(plaintext.slice(plaintext.indexOf(':') + 1), 'base64');
