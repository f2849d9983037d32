import { AppError } from '../app-error';
import { checkKid, checkNonce } from '../barong/credentials';
import type { AuthHeaders } from '../barong/auth-headers';
import { exchangeUrlProblem } from '../domain/base-url';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A request to an exchange before it is signed. */
export interface RequestSpec {
  /** scheme://host[:port] with an optional path prefix, no query. */
  baseUrl: string;
  method: HttpMethod;
  /** Starts with '/'; characters a URL path cannot carry are percent-encoded when rendered. */
  path: string;
  /** Name/value pairs in order; repeated names are allowed. */
  query: ReadonlyArray<readonly [string, string]>;
  /** JSON body, sent with Content-Type: application/json. */
  body?: JsonValue;
}

/** A request with its three X-Auth headers. */
export interface SignedRequest extends RequestSpec {
  headers: AuthHeaders;
}

export function checkRequestSpec(spec: RequestSpec): void {
  // The same rule as an account's base URL: what is signed here must be able to go only where an account may.
  const problem = exchangeUrlProblem(spec.baseUrl);
  if (problem) throw new AppError('input.base_url_invalid', `The base URL ${problem}.`);
  if (!spec.path.startsWith('/')) throw new AppError('input.path_invalid', 'The path must start with "/".');
  if (spec.path.includes('?') || spec.path.includes('#')) {
    throw new AppError('input.path_invalid', 'Give query parameters as name=value pairs, not in the path.');
  }
  if (spec.path.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new AppError('input.path_invalid', 'The path may not contain "." or ".." segments.');
  }
  const values = [spec.path, ...spec.query.flat()];
  if (values.some((value) => value.includes('\0'))) {
    throw new AppError('input.nul_character', 'The path and the query parameters may not contain a NUL character.');
  }
  // A lone UTF-16 surrogate has no UTF-8 form: percent-encoding it would throw, and no command line can carry it.
  if (values.some((value) => LONE_SURROGATE.test(value))) {
    throw new AppError('input.invalid_unicode', 'The path and the query parameters must be valid Unicode text.');
  }
  if (spec.body !== undefined && !isFiniteJson(spec.body)) {
    throw new AppError('input.body_invalid', 'The body may only contain finite numbers (JSON has no NaN or Infinity).');
  }
}

/** Matches an unpaired UTF-16 surrogate (with the u flag, a pair is one code point and does not match). */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const isFiniteJson = (value: JsonValue): boolean =>
  typeof value === 'number' ? Number.isFinite(value) : typeof value === 'object' && value !== null ? Object.values(value).every(isFiniteJson) : true;

export const AUTH_HEADER_NAMES = ['X-Auth-Apikey', 'X-Auth-Nonce', 'X-Auth-Signature'] as const satisfies ReadonlyArray<keyof AuthHeaders>;

const SIGNATURE = /^[0-9a-f]{64}$/;

export function checkSignedRequest(request: SignedRequest): void {
  checkRequestSpec(request);
  checkKid(request.headers['X-Auth-Apikey']);
  checkNonce(request.headers['X-Auth-Nonce']);
  if (!SIGNATURE.test(request.headers['X-Auth-Signature'])) {
    throw new AppError('input.signature_invalid', 'The signature must be 64 lower-case hex characters (HMAC-SHA256).');
  }
}

// RFC 3986 unreserved characters stay as they are; everything else is percent-encoded as UTF-8.
const encodeComponent = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The path as it goes on the wire: each segment percent-encoded, existing %XX escapes kept. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      segment
        .split(/(%[0-9A-Fa-f]{2})/)
        .map((part, i) => (i % 2 === 1 ? part : encodeComponent(part)))
        .join(''),
    )
    .join('/');
}

export function encodeQuery(query: RequestSpec['query']): string {
  return query.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join('&');
}

/**
 * The full URL of a request: base URL (without a trailing slash), encoded path, encoded query.
 * The base goes through the URL parser so that a path prefix with spaces or non-ASCII arrives encoded.
 */
export function requestUrl(spec: RequestSpec): string {
  const base = new URL(spec.baseUrl);
  const query = encodeQuery(spec.query);
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${encodePath(spec.path)}${query ? `?${query}` : ''}`;
}

/** The body exactly as sent: compact JSON, or undefined when the request has none. */
export const requestBody = (spec: RequestSpec): string | undefined => (spec.body === undefined ? undefined : JSON.stringify(spec.body));
