import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** What a route sees of a request: the body already parsed and merged with the query, as Grape does. */
export interface SandboxRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Query string and body parameters; the body wins when both name the same one. */
  params: Record<string, unknown>;
  cookies: Record<string, string>;
}

export interface Reply {
  status: number;
  /** Serialised as JSON; absent for an empty body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A refusal with Barong's error shape; thrown anywhere, turned into `{"errors": [...]}` by the server. */
export class HttpFailure extends Error {
  readonly status: number;
  readonly codes: string[];

  constructor(status: number, ...codes: string[]) {
    super(codes.join(', '));
    this.name = 'HttpFailure';
    this.status = status;
    this.codes = codes;
  }
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => (headers ? { status, body, headers } : { status, body });

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads the whole body, keeping at most MAX_BODY_BYTES. A longer body is drained rather than cut
 * off, so the client can read the 413 instead of seeing a reset connection.
 */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  if (size > MAX_BODY_BYTES) throw new HttpFailure(413, 'request.body_too_large');
  return Buffer.concat(chunks);
}

/** Parses a JSON or form body into parameters; an empty body is no parameters. */
export function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HttpFailure(400, 'request.malformed_json');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpFailure(400, 'request.malformed_json');
    return parsed as Record<string, unknown>;
  }
  throw new HttpFailure(415, 'request.unsupported_media_type');
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    cookies[part.slice(0, separator).trim()] = part.slice(separator + 1).trim();
  }
  return cookies;
}

/** One request header as a string (the last one wins if it was repeated), or undefined. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** A parameter as text: JSON numbers and booleans count, objects and arrays do not. */
export function textParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A parameter that must be present and not blank, as Grape's `allow_blank: false` reads it. */
export function presentParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = textParam(params, name);
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * An optional integer parameter within bounds; `code` is the error for anything else
 * (Grape answers such validation failures with 422).
 */
export function integerParam(params: Record<string, unknown>, name: string, fallback: number, min: number, max: number, code: string): number {
  const value = textParam(params, name);
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value.trim())) throw new HttpFailure(422, code);
  const number = Number(value);
  if (number < min || number > max) throw new HttpFailure(422, code);
  return number;
}

/** Slices one page out of a list; the caller adds the paging headers it wants. */
export function paginate<T>(items: T[], page: number, limit: number): T[] {
  return items.slice((page - 1) * limit, page * limit);
}
