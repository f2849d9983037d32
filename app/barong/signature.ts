import { createHmac } from 'node:crypto';
import type { AuthHeaders } from './auth-headers';
import { checkKid, checkNonce, checkSecret } from './credentials';

export interface SigningInput {
  kid: string;
  secret: string;
  /** The exact X-Auth-Nonce string: milliseconds since the epoch. */
  nonce: string;
}

/**
 * hex(HMAC-SHA256(secret as ASCII, nonce + kid)). Method, path, query and body are not covered:
 * that is the protocol, not a shortcut. The vault passes the secret as decrypted bytes, so that it
 * can wipe them afterwards.
 */
export function computeSignature({ kid, secret, nonce }: Omit<SigningInput, 'secret'> & { secret: string | Uint8Array }): string {
  return createHmac('sha256', secret)
    .update(nonce + kid)
    .digest('hex');
}

/** Validates the input and returns the three headers. Throws AppError on malformed input. */
export function signHeaders(input: SigningInput): AuthHeaders {
  checkKid(input.kid);
  checkSecret(input.secret);
  checkNonce(input.nonce);
  return {
    'X-Auth-Apikey': input.kid,
    'X-Auth-Nonce': input.nonce,
    'X-Auth-Signature': computeSignature(input),
  };
}
