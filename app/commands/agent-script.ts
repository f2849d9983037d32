import { AppError } from '../app-error';
import { curlArguments } from './curl';
import { POSIX_CONTINUATION, posixQuote } from './posix-quote';
import { checkRequestSpec } from './request';
import type { RequestSpec } from './request';

/** The variable that names the CLI a script runs, for a CLI outside PATH (`npx barong-vault`, a checkout). */
export const CLI_ENV = 'BARONG_VAULT_CLI';

/**
 * A POSIX sh snippet that asks the signing agent for fresh headers each time it runs, then calls
 * curl: no secret in its text, its environment or any program's arguments. It names the key by
 * label or kid (or $BARONG_KEY, which `barong-vault exec` sets), and finds the agent the way
 * every client does, through BARONG_AGENT and BARONG_AGENT_TOKEN_FILE or their defaults. The
 * headers it passes to curl are valid for a few seconds only.
 */
export function renderAgentScript(spec: RequestSpec, options: { key?: string }): string {
  checkRequestSpec(spec);
  if (options.key !== undefined && (options.key === '' || /[\p{Cc}]/u.test(options.key))) {
    throw new AppError('usage', 'The key is named by its label or kid, on one line.');
  }
  const key = options.key === undefined ? '"${BARONG_KEY:?name the key: set BARONG_KEY or pass --key}"' : posixQuote(options.key);
  const headers = ['"X-Auth-Apikey: $apikey"', '"X-Auth-Nonce: $nonce"', '"X-Auth-Signature: $signature"'];
  const header = (name: string) => `$(printf '%s\\n' "$signed" | sed -n 's/^${name}: //p')`;
  return [
    '(',
    'set -eu',
    `signed=$("\${${CLI_ENV}:-barong-vault}" sign --key ${key} --format headers ${spec.method} ${posixQuote(spec.path)})`,
    `apikey=${header('X-Auth-Apikey')}`,
    `nonce=${header('X-Auth-Nonce')}`,
    `signature=${header('X-Auth-Signature')}`,
    curlArguments(spec, headers).join(POSIX_CONTINUATION),
    ')',
  ].join('\n');
}
