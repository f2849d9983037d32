/**
 * Every error code of the app, with the words shown when the thrower gives none and the CLI's exit
 * code. Codes are stable, dotted and lower case; a thrower adds its own message only where it has
 * context to name (a host, a wait). The exchange's own codes (`authz.invalid_signature`) are not
 * here: they pass through unchanged and the error catalogue (app/barong/error-catalogue.ts) explains them.
 *
 * Exit codes, chosen so that a script can tell whose move it is:
 *   0  done
 *   1  failed here: the app itself, this computer (clipboard, clock), a damaged or newer vault file
 *   2  usage or input: fix the command line or the value given (bad backup files included)
 *   3  locked or not allowed: the vault, its passphrase, the owner's confirmation, the exchange session
 *   4  network: the exchange could not be reached
 *   5  the exchange refused or answered something unusable (and any code of the exchange's own)
 */
export const EXIT_CODES = { ok: 0, failed: 1, usage: 2, locked: 3, network: 4, exchangeRefused: 5 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

interface CodeEntry {
  words: string;
  exit: ExitCode;
}

const { failed, usage, locked, network, exchangeRefused } = EXIT_CODES;
const entry = (exit: ExitCode, words: string): CodeEntry => ({ words, exit });

export const ERROR_CODES = {
  internal: entry(failed, 'Something went wrong inside the app. Try again; if it keeps happening, restart the app.'),
  usage: entry(usage, 'The command line is not right: see --help for the options.'),

  'ipc.sender_refused': entry(locked, "This request did not come from the app's own window, so it was refused."),
  'door.channel_refused': entry(locked, 'This channel is not open to this caller.'),

  'owner.passphrase_required': entry(locked, 'Enter the vault passphrase to confirm this.'),
  'owner.denied': entry(locked, 'Not confirmed: nothing was changed.'),
  'owner.unavailable': entry(locked, "This change needs the owner's confirmation, which this place cannot ask for."),
  'owner.busy': entry(locked, 'Barong Vault is already asking for a confirmation: answer that one first.'),

  'vault.not_set_up': entry(locked, 'There is no vault yet: create one first.'),
  'vault.already_set_up': entry(usage, 'A vault already exists here.'),
  'vault.locked': entry(locked, 'The vault is locked: unlock it first.'),
  'vault.wrong_passphrase': entry(locked, 'Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.'),
  'vault.throttled': entry(locked, 'Too many wrong tries: wait a moment before the next one.'),
  'vault.tampered': entry(failed, 'The vault file was changed outside Barong Vault, so it is not trusted. Restore it from a backup.'),
  'vault.newer_version': entry(failed, 'The vault was written by a newer Barong Vault: update the app to open it.'),
  'vault.keychain_insecure': entry(locked, "This computer's keychain does not keep secrets safely: use a passphrase."),
  'vault.keychain_unavailable': entry(locked, "This computer's keychain cannot be used now: unlock with the passphrase."),
  'vault.keychain_changed': entry(locked, "The keychain no longer holds this vault's key: use the passphrase."),
  'vault.no_unlock_method': entry(usage, 'The vault needs a passphrase or the keychain to unlock it.'),
  'vault.passphrase_required': entry(locked, 'The current passphrase is needed for this.'),
  'vault.not_found': entry(usage, 'There is no such item in the vault.'),
  'vault.duplicate_kid': entry(usage, 'This account already has a key with this key id.'),
  'vault.origin_mismatch': entry(locked, 'This key signs only for the exchange it was stored for, not for this address.'),

  'vault.passphrases_differ': entry(usage, 'The two passphrases differ: nothing was created.'),
  'vault.needs_app': entry(locked, 'This vault is unlocked by the desktop keychain only: open it in the Barong Vault app, or give it a passphrase there.'),

  'agent.not_running': entry(locked, 'No signing agent answers here: start it in the app (Settings) or with barong-vault agent.'),
  'agent.token_refused': entry(locked, "The agent's token is missing or wrong: read it from the agent's token file."),
  'agent.hello_first': entry(usage, 'Say hello with a client name and the token first.'),
  'agent.bad_message': entry(usage, 'The agent could not read this message: one JSON object per line, with "v": 1.'),
  'agent.line_too_long': entry(usage, 'This message is longer than the agent reads.'),
  'agent.too_many_clients': entry(locked, 'The agent is serving as many programs as it takes: try again in a moment.'),
  'agent.unknown_key': entry(usage, 'The agent has no key by this label or kid: barong-vault keys lists them.'),
  'agent.ambiguous_key': entry(usage, 'More than one key has this label: name the key by its kid.'),
  'agent.policy_refused': entry(locked, "This request is outside the key's policy."),
  'agent.budget_spent': entry(locked, "This key's request budget is spent for now."),
  'agent.approval_denied': entry(locked, 'The owner did not allow this program to sign.'),
  'agent.stopped': entry(locked, 'The signing agent stopped.'),

  'proxy.token_refused': entry(locked, "The path does not start with the proxy's token: use the url the proxy printed."),
  'proxy.host_refused': entry(locked, "The Host header is not the proxy's own address, so the request was refused."),
  'proxy.origin_refused': entry(locked, 'Requests from web pages (with an Origin header) are refused by the signing proxy.'),
  'proxy.method_refused': entry(usage, 'The signing proxy forwards GET, POST, PUT, PATCH and DELETE only.'),
  'proxy.upgrade_refused': entry(usage, 'The signing proxy opens a WebSocket to the private stream (/api/v2/ranger/private) only.'),
  'proxy.key_closed': entry(usage, 'This key is closed to local programs: choose what programs may sign with it first.'),
  'proxy.port_in_use': entry(usage, 'Another program already listens on this port: choose another, or leave it empty for any free one.'),
  'proxy.not_running': entry(usage, 'No signing proxy runs for this key.'),
  'proxy.upstream_failed': entry(network, 'The proxy could not reach the exchange.'),

  'backup.wrong_passphrase': entry(locked, 'The backup passphrase is wrong.'),
  'backup.corrupt': entry(usage, 'This is not a Barong Vault backup, or it was damaged.'),
  'backup.kdf_too_costly': entry(usage, 'This backup asks for more work to open than any backup Barong Vault makes, so it was not opened.'),
  'backup.too_large': entry(usage, 'This file is larger than any backup Barong Vault makes, so it was not opened.'),
  'backup.unreadable': entry(usage, 'The backup file could not be read.'),

  'clock.no_server_time': entry(exchangeRefused, 'The exchange answered without telling its time.'),
  'clock.offset_too_large': entry(failed, "The exchange's clock and this computer's are too far apart: set this computer's clock right, then sync again."),

  'clipboard.unavailable': entry(failed, 'There is no clipboard here to copy to.'),

  'session.expired': entry(locked, 'The session with the exchange has expired: log in again.'),
  'session.logged_out': entry(locked, 'You are not logged in to this exchange.'),
  'session.code_needed': entry(locked, 'This account has 2FA on: a code from the authenticator app is needed.'),
  'session.code_spent': entry(locked, 'This 2FA code was just used and the exchange will refuse it again: wait for the next code.'),

  'input.invalid': entry(usage, 'The request could not be read.'),
  'input.base_url_invalid': entry(usage, 'The base URL must be https://host (plain http:// only for a sandbox on this computer).'),
  'input.path_invalid': entry(usage, 'The path must start with "/" and carry no query or "." segments.'),
  'input.body_invalid': entry(usage, 'The body may only contain finite numbers (JSON has no NaN or Infinity).'),
  'input.body_not_allowed': entry(usage, 'This command format cannot send a body with this method.'),
  'input.format_unknown': entry(usage, 'Unknown command format.'),
  'input.invalid_unicode': entry(usage, 'The path and the query parameters must be valid Unicode text.'),
  'input.nul_character': entry(usage, 'The path and the query parameters may not contain a NUL character.'),
  'input.kid_blank': entry(usage, 'The key id is empty.'),
  'input.kid_invalid': entry(usage, 'The key id has characters an HTTP header cannot carry.'),
  'input.kid_unsupported': entry(usage, 'This command format cannot send this key id: use the curl format.'),
  'input.secret_blank': entry(usage, 'The secret is empty.'),
  'input.secret_invalid': entry(usage, 'The secret has characters that cannot be signed with.'),
  'input.secret_env_invalid': entry(usage, "The name of the secret's environment variable is not a valid name."),
  'input.nonce_invalid': entry(usage, 'The nonce must be a positive whole number of milliseconds.'),
  'input.nonce_lifetime_invalid': entry(usage, 'The nonce lifetime must be a positive whole number of milliseconds.'),
  'input.signature_invalid': entry(usage, 'The signature must be 64 lower-case hex characters (HMAC-SHA256).'),
  'input.wrong_account': entry(usage, 'This key belongs to another account.'),

  'network.cancelled': entry(network, 'The request was cancelled.'),
  'network.dns': entry(network, "The exchange's address could not be found (DNS): check the address and the connection."),
  'network.refused': entry(network, 'The exchange refused the connection: is the address right, and the exchange up?'),
  'network.reset': entry(network, 'The exchange closed the connection unexpectedly.'),
  'network.timeout': entry(network, 'The exchange did not answer in time.'),
  'network.unreachable': entry(network, 'The exchange cannot be reached: check the connection.'),
  'network.not_https': entry(network, 'The secure connection failed: the server there does not speak HTTPS.'),
  'network.tls': entry(network, 'The secure connection to the exchange failed.'),
  'network.tls_expired': entry(network, "The exchange's TLS certificate has expired or is not yet valid."),
  'network.tls_untrusted': entry(network, "The exchange's TLS certificate is self-signed or not trusted."),
  'network.tls_wrong_host': entry(network, "The TLS certificate is not for this exchange's address."),
  'network.failed': entry(network, 'The connection to the exchange failed.'),

  'exchange.not_found': entry(exchangeRefused, 'The exchange has nothing at this address.'),
  'exchange.maintenance': entry(exchangeRefused, 'The exchange is under maintenance.'),
  'exchange.rate_limited': entry(exchangeRefused, 'The exchange limits how often a key may call, and this key called too often.'),
  'exchange.redirect': entry(exchangeRefused, 'The exchange redirected the request; redirects are not followed with credentials.'),
  'exchange.unexpected_answer': entry(exchangeRefused, 'The exchange answered in a way this app does not understand.'),
  'exchange.unexpected_body': entry(exchangeRefused, 'The exchange answered with something else than was asked for.'),
  'exchange.body_too_large': entry(exchangeRefused, "The exchange's answer was too large to read."),
} as const satisfies Record<string, CodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Dotted lower case (`vault.locked`); `usage` and `internal` stand alone. */
export const ERROR_CODE_FORMAT = /^(?:usage|internal|[a-z]+(?:\.[a-z0-9_]+)+)$/;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);

/** The default words for one of the app's codes. */
export const wordsOf = (code: ErrorCode): string => ERROR_CODES[code].words;

/** The CLI's exit code for any code: one of the app's, or the exchange's own (a refusal, 5). */
export const exitCodeOf = (code: string): ExitCode => (isErrorCode(code) ? ERROR_CODES[code].exit : exchangeRefused);
