import { CAPTCHA_LOGIN } from './captcha-login';

/**
 * Barong and Peatio error codes (docs/PROTOCOL.md) in words a trader understands, with what to
 * do about each. Codes are passed through unchanged; unknown ones are shown verbatim.
 */

export interface CatalogueContext {
  /** The exchange's nonce lifetime, for messages about expired signatures. */
  nonceLifetimeMs?: number;
}

export interface ExplainedError {
  code: string;
  /** What happened. */
  message: string;
  /** What to do about it; empty for codes the catalogue does not know. */
  action: string;
  known: boolean;
}

type Entry = { message: string | ((context: CatalogueContext) => string); action: string };

const seconds = (ms: number | undefined) => `${((ms ?? 5000) / 1000).toLocaleString('en-US')} s`;

const CATALOGUE: Record<string, Entry> = {
  // API-key authentication, in the order Barong checks it.
  'authz.invalid_api_key_headers': {
    message: 'One of the three X-Auth headers is missing or blank.',
    action: 'Send X-Auth-Apikey, X-Auth-Nonce and X-Auth-Signature together.',
  },
  'authz.unexistent_apikey': {
    message: 'The exchange has no API key with this key id.',
    action: 'Check that the key was not deleted and that it belongs to this exchange.',
  },
  'authz.nonce_not_valid_timestamp': {
    message: 'The nonce is not a positive whole number.',
    action: 'Use the current time in milliseconds as the nonce.',
  },
  'authz.nonce_expired': {
    message: (context) => `The signature was made more than ${seconds(context.nonceLifetimeMs)} from the exchange's clock.`,
    action: 'Sync the clock with the exchange, or sign again and use the command at once.',
  },
  'authz.invalid_signature': {
    message: 'The signature does not match: the secret is wrong for this key.',
    action: 'Check that the secret belongs to this key id; re-import the key if it changed.',
  },
  'authz.apikey_not_active': {
    message: 'This API key is disabled.',
    action: 'Enable the key again (turning 2FA off disables every key).',
  },
  'authz.invalid_session': {
    message: "There is no valid session: it expired, or the key owner's account is not active.",
    action: 'Log in again.',
  },
  'authz.disabled_2fa': {
    message: 'The key owner has two-factor authentication turned off.',
    action: 'Turn 2FA on for the account, then enable the key again.',
  },
  'authz.invalid_permission': {
    message: "The account's role may not call this endpoint.",
    action: 'Ask the exchange for the needed permissions, or use another endpoint.',
  },
  'authz.permission_denied': {
    message: 'This path is closed to API keys and sessions.',
    action: 'Management endpoints cannot be called by users.',
  },
  'authz.restrict.maintenance': {
    message: 'The exchange is under maintenance.',
    action: 'Try again later.',
  },
  // Older servers (2.4.0 to 2.4.4) only.
  'authz.nonce_from_future': {
    message: "The nonce is ahead of the exchange's clock (older Barong servers refuse this).",
    action: 'Sync the clock with the exchange and sign again.',
  },
  'authz.signature_blacklisted': {
    message: 'This signature was already used (older Barong servers refuse reuse within 60 s).',
    action: 'Sign again to get a fresh nonce.',
  },
  // Session login and cookie mode.
  'identity.session.missing_email': { message: 'The email is missing.', action: 'Enter the account email.' },
  'identity.session.missing_password': { message: 'The password is missing.', action: 'Enter the account password.' },
  'identity.session.invalid_params': {
    message: 'The email or the password is wrong.',
    action: 'Check both and try again.',
  },
  'identity.session.banned': { message: 'The account is banned.', action: 'Contact the exchange.' },
  'identity.session.deleted': { message: 'The account was deleted.', action: 'Contact the exchange.' },
  'identity.session.not_active': { message: 'The account is not active.', action: 'Contact the exchange.' },
  'identity.session.missing_otp': {
    message: 'The account has 2FA on: a code is needed.',
    action: 'Enter the current code from the authenticator app.',
  },
  'identity.session.invalid_otp': {
    message: 'The 2FA code is wrong.',
    action: 'Check the authenticator app and the computer clock, then enter the current code.',
  },
  'identity.session.not_found': { message: 'There is no session to log out of.', action: 'Nothing to do: you are logged out.' },
  'identity.captcha.required': CAPTCHA_LOGIN,
  'identity.captcha.verification_failed': {
    message: 'The captcha was not accepted.',
    action: 'Solve the captcha again.',
  },
  'totp.error': {
    message: 'This 2FA code was already used in the current 30-second period.',
    action: 'Wait for the next code and use that one.',
  },
  'authz.client_session_mismatch': {
    message: 'The session was opened from another program or network.',
    action: 'Log in again.',
  },
  'authz.user_not_active': { message: 'The account is no longer active.', action: 'Contact the exchange.' },
  'authz.missing_csrf_token': {
    message: "The request lacks the session's CSRF token.",
    action: 'Log in again to get a fresh session.',
  },
  'authz.csrf_token_mismatch': {
    message: 'The CSRF token does not belong to this session.',
    action: 'Log in again to get a fresh session.',
  },
  // API keys.
  'resource.api_key.2fa_disabled': {
    message: 'API keys can only be managed with 2FA turned on.',
    action: 'Turn 2FA on for the account first.',
  },
  'resource.api_key.missing_totp': { message: 'A 2FA code is needed for this change.', action: 'Enter the current 2FA code.' },
  'resource.api_key.invalid_totp': {
    message: 'The 2FA code is wrong.',
    action: 'Check the authenticator app and the computer clock, then enter the current code.',
  },
  'kid.blank': { message: 'The exchange could not create the key id.', action: 'Use the HS256 algorithm.' },
  'algorithm.inclusion': { message: 'The exchange only accepts the HS256 algorithm.', action: 'Use HS256.' },
  'record.not_found': {
    message: 'The exchange has no such record for this account.',
    action: 'Refresh the list: it may have been deleted.',
  },
  // Peatio level rules.
  'market.trade.not_permitted': {
    message: "The account's level does not allow trading.",
    action: "Complete the exchange's verification to trade.",
  },
  'account.withdraw.not_permitted': {
    message: "The account's level does not allow withdrawals.",
    action: "Complete the exchange's verification to withdraw.",
  },
  'account.deposit.not_permitted': {
    message: "The account's level does not allow deposits.",
    action: "Complete the exchange's verification to deposit.",
  },
};

// Barong's error list and its code disagree on these names: accept both.
const ALIASES: Record<string, string> = {
  'resource.api_key.missing_otp': 'resource.api_key.missing_totp',
  'resource.api_key.invalid_otp': 'resource.api_key.invalid_totp',
};

const RESTRICTION_PREFIX = 'authz.restrict.';

function lookup(code: string): Entry | undefined {
  const entry = CATALOGUE[ALIASES[code] ?? code];
  if (entry || !code.startsWith(RESTRICTION_PREFIX)) return entry;
  const kind = code.slice(RESTRICTION_PREFIX.length);
  return {
    message: `The exchange restricts access from here (${kind}).`,
    action: "Check the exchange's restrictions on your IP address or country.",
  };
}

export function explainError(code: string, context: CatalogueContext = {}): ExplainedError {
  const entry = lookup(code);
  if (!entry) return { code, message: code, action: '', known: false };
  const message = typeof entry.message === 'function' ? entry.message(context) : entry.message;
  return { code, message, action: entry.action, known: true };
}

/** Every code the catalogue knows by name (aliases included). */
export const knownErrorCodes = (): string[] => [...Object.keys(CATALOGUE), ...Object.keys(ALIASES)];

/**
 * The error codes in a Barong or Peatio error body: `{"errors": [...]}`, or the bare string a
 * few Peatio handlers send (`{"errors": "..."}` or a JSON string). Anything else gives [].
 */
export function parseErrorBody(body: unknown): string[] {
  const errors = typeof body === 'object' && body !== null && 'errors' in body ? body.errors : body;
  if (typeof errors === 'string') return errors.length > 0 ? [errors] : [];
  if (Array.isArray(errors)) return errors.filter((item): item is string => typeof item === 'string');
  return [];
}
