import { posixQuote } from './posix-quote';
import { AUTH_HEADER_NAMES, requestBody, requestUrl } from './request';
import type { RequestSpec, SignedRequest } from './request';

/**
 * curl's arguments for a request: the command with the URL, then one option and its value per
 * entry. `authHeaders` are the three -H values, already shell words: literal here, variables in
 * the signing script.
 */
export function curlArguments(spec: RequestSpec, authHeaders: readonly string[]): string[] {
  const url = requestUrl(spec);
  const body = requestBody(spec);
  // The encoded path and query never contain []{}, but an IPv6 host or a base path may, and
  // curl would read them as a URL glob pattern.
  const globoff = /[[\]{}]/.test(url) ? ' --globoff' : '';
  return [
    `curl -sS${globoff} -X ${spec.method} ${posixQuote(url)}`,
    ...authHeaders.map((header) => `-H ${header}`),
    // --data-raw with an explicit Content-Type instead of --json: --json needs curl 7.82 (2022),
    // older curls are still common (macOS, LTS distributions), and --data-raw never reads @file.
    ...(body === undefined ? [] : [`-H ${posixQuote('Content-Type: application/json')}`, `--data-raw ${posixQuote(body)}`]),
  ];
}

export const renderCurl = (request: SignedRequest, separator = ' '): string =>
  curlArguments(
    request,
    AUTH_HEADER_NAMES.map((name) => posixQuote(`${name}: ${request.headers[name]}`)),
  ).join(separator);
