/**
 * Requests the trader saves under a name, per account: how big each may be and how many an
 * account keeps. The path, query and body follow the signer's own bounds (requestSpecSchema).
 */
export const SAVED_REQUEST_LIMITS = {
  /** The longest name, in characters. */
  name: 100,
  /** At most this many per account: saving one more under a new name is refused. */
  perAccount: 200,
} as const;
