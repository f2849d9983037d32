import { AppError } from '../app-error';

// Printable ASCII without the space: what a header value and an HMAC key can carry unchanged.
const PRINTABLE_NO_SPACE = /^[\x21-\x7e]+$/;
const CURRENT_KID = /^[0-9a-f]{16}$/;
const CURRENT_SECRET = /^[0-9a-f]{32}$/;
const POSITIVE_INTEGER = /^[1-9][0-9]*$/;

/** Checks a key id; returns warnings for shapes that current servers do not issue but older ones may. */
export function checkKid(kid: string): string[] {
  if (kid.length === 0) throw new AppError('input.kid_blank', 'The key id (kid) is empty.');
  if (!PRINTABLE_NO_SPACE.test(kid)) {
    throw new AppError('input.kid_invalid', 'The key id (kid) may only contain printable ASCII characters, without spaces.');
  }
  return CURRENT_KID.test(kid) ? [] : ['The key id is not 16 hex characters, as current Barong servers issue; check that it was copied whole.'];
}

/** Checks a secret without ever quoting it back. */
export function checkSecret(secret: string): string[] {
  if (secret.length === 0) throw new AppError('input.secret_blank', 'The secret is empty.');
  if (!PRINTABLE_NO_SPACE.test(secret)) {
    throw new AppError('input.secret_invalid', 'The secret may only contain printable ASCII characters, without spaces or line breaks.');
  }
  return CURRENT_SECRET.test(secret) ? [] : ['The secret is not 32 hex characters, as current Barong servers issue; check that it was copied whole.'];
}

export function checkNonce(nonce: string): void {
  if (!POSITIVE_INTEGER.test(nonce)) {
    throw new AppError('input.nonce_invalid', 'The nonce must be a positive whole number of milliseconds since 1970, written in decimal.');
  }
}
