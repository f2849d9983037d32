import { randomBytes, scrypt } from 'node:crypto';

/** scrypt parameters, stored beside what they protect so that they can be raised later. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  /** base64, at least 16 random bytes. */
  salt: string;
}

/** N = 2^17, r = 8, p = 1: about 128 MiB and a few hundred ms, slow on purpose. */
export const DEFAULT_SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const SALT_BYTES = 16;

export const newScryptParams = (cost: Omit<ScryptParams, 'salt'> = DEFAULT_SCRYPT_COST): ScryptParams => ({
  ...cost,
  salt: randomBytes(SALT_BYTES).toString('base64'),
});

/**
 * A 256-bit key from a passphrase. NFC first, so the same passphrase typed on another
 * keyboard or OS (composed or decomposed accents) gives the same key.
 */
export function derivePassphraseKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
