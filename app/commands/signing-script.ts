import { AppError } from '../app-error';
import { checkKid } from '../barong/credentials';
import { curlArguments } from './curl';
import { posixQuote } from './posix-quote';
import { checkRequestSpec } from './request';
import type { RequestSpec } from './request';

export const DEFAULT_SECRET_ENV = 'BARONG_SECRET';

const POSIX_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A POSIX sh snippet that signs when it runs: it reads the secret from an environment variable,
 * makes a fresh nonce and calls curl. Unlike a signed command it does not expire, and it never
 * contains the secret. The secret does sit on openssl's command line while it runs (openssl dgst
 * has no other way to take an HMAC key), where other users of the same machine could see it.
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
  const curl = curlArguments(spec, ['"X-Auth-Apikey: $kid"', '"X-Auth-Nonce: $nonce"', '"X-Auth-Signature: $signature"']);
  // A subshell, so that set -eu and exit cannot close the interactive shell it is pasted into.
  return [
    '(',
    'set -eu',
    `if [ -z "\${${secretEnv}:-}" ]; then echo ${posixQuote(missing)} >&2; exit 1; fi`,
    `kid=${posixQuote(options.kid)}`,
    '# Milliseconds now. GNU date +%s%3N does not work on macOS; perl with Time::HiRes ships with',
    '# macOS and the Linux distributions. Without perl, whole seconds are still inside the nonce window.',
    `nonce=$(perl -MTime::HiRes=time -e 'printf "%d", time * 1000' 2>/dev/null) || true`,
    'case $nonce in \'\' | *[!0-9]*) nonce="$(date +%s)000" ;; esac',
    '# OpenSSL 3 prints "SHA2-256(stdin)= <hex>", LibreSSL and OpenSSL 1.1 "(stdin)= <hex>": keep the last field.',
    `signature=$(printf '%s%s' "$nonce" "$kid" | openssl dgst -sha256 -hmac "\${${secretEnv}}" | awk '{ print $NF }')`,
    `if [ \${#signature} -ne 64 ]; then echo 'openssl could not compute the signature.' >&2; exit 1; fi`,
    curl.join(' \\\n  '),
    ')',
  ].join('\n');
}
