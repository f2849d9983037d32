import { AppError } from '../app-error';
import { checkKid } from '../barong/credentials';
import { curlArguments } from './curl';
import { POSIX_CONTINUATION, posixQuote } from './posix-quote';
import { checkRequestSpec } from './request';
import type { RequestSpec } from './request';

export const DEFAULT_SECRET_ENV = 'BARONG_SECRET';

const POSIX_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A POSIX sh snippet that signs when it runs: it reads the secret from an environment variable,
 * makes a fresh nonce and calls curl. Unlike a signed command it does not expire, and it never
 * contains the secret. perl computes the HMAC and reads the secret from its own environment: a
 * program's arguments are readable by every user of the machine (/proc/PID/cmdline), its
 * environment only by its owner, and `openssl dgst -hmac` takes the key only as an argument.
 */
export function renderSigningScript(spec: RequestSpec, options: { kid: string; secretEnv?: string }): string {
  checkRequestSpec(spec);
  checkKid(options.kid);
  const secretEnv = options.secretEnv ?? DEFAULT_SECRET_ENV;
  if (!POSIX_NAME.test(secretEnv)) {
    throw new AppError(
      'input.secret_env_invalid',
      `"${secretEnv}" is not a valid environment variable name: use letters, digits and _, not starting with a digit.`,
    );
  }
  const missing = `${secretEnv} is not set: export the API secret in it first (this command never contains the secret).`;
  const noPerl = 'This script signs with perl and its standard modules Digest::SHA and Time::HiRes: install perl, then run it again.';
  const curl = curlArguments(spec, ['"X-Auth-Apikey: $kid"', '"X-Auth-Nonce: $nonce"', '"X-Auth-Signature: $signature"']);
  // A subshell, so that set -eu and exit cannot close the interactive shell it is pasted into.
  return [
    '(',
    'set -eu',
    `if [ -z "\${${secretEnv}:-}" ]; then echo ${posixQuote(missing)} >&2; exit 1; fi`,
    `if ! perl -MDigest::SHA -MTime::HiRes -e 1 2>/dev/null; then echo ${posixQuote(noPerl)} >&2; exit 1; fi`,
    '# perl reads the secret from its environment, where other users cannot see it; export also covers',
    '# a variable that is set but not exported, and ends with this subshell.',
    `export ${secretEnv}`,
    `kid=${posixQuote(options.kid)}`,
    `nonce=$(perl -MTime::HiRes=time -e 'printf "%d", time * 1000')`,
    // Only the variable's name is an argument; the secret never is.
    `signature=$(perl -MDigest::SHA=hmac_sha256_hex -e 'print hmac_sha256_hex($ARGV[0], $ENV{$ARGV[1]})' -- "$nonce$kid" ${secretEnv})`,
    curl.join(POSIX_CONTINUATION),
    ')',
  ].join('\n');
}
