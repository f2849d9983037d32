import { AppError } from '../app-error';
import type { AuthHeaders } from '../barong/signature';

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
  let base: URL;
  try {
    base = new URL(spec.baseUrl);
  } catch {
    throw new AppError('input.base_url_invalid', 'The base URL is not a valid URL (expected https://host).');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new AppError('input.base_url_invalid', 'The base URL must start with https:// (or http:// for a local sandbox).');
  }
  if (base.search || base.hash || base.username || base.password) {
    throw new AppError('input.base_url_invalid', 'The base URL may not carry a query, a fragment or credentials.');
  }
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
}

// RFC 3986 unreserved characters stay as they are; everything else is percent-encoded as UTF-8.
const encodeComponent = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The path as it goes on the wire: each segment percent-encoded, existing %XX escapes kept. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => segment.split(/(%[0-9A-Fa-f]{2})/).map((part, i) => (i % 2 === 1 ? part : encodeComponent(part))).join(''))
    .join('/');
}

export function encodeQuery(query: RequestSpec['query']): string {
  return query.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join('&');
}

/** The full URL of a request: base URL (without a trailing slash), encoded path, encoded query. */
export function requestUrl(spec: RequestSpec): string {
  const query = encodeQuery(spec.query);
  return `${spec.baseUrl.replace(/\/+$/, '')}${encodePath(spec.path)}${query ? `?${query}` : ''}`;
}
