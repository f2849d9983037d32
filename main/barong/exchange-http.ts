import { explainError, parseErrorBody } from '../../app/barong/error-catalogue';
import { exchangeUrlProblem } from '../../app/domain/base-url';
import { encodePath, encodeQuery } from '../../app/commands/request';
import type { HttpMethod, JsonValue } from '../../app/commands/request';
import type { Logger } from '../logging/logger';
import { ExchangeError } from './exchange-error';
import { sendHttp } from './http/send-http';
import type { HttpRequest, HttpResponse } from './http/send-http';
import { retryAfterSeconds } from './http/retry-after';

export interface ExchangeHttpOptions {
  baseUrl: string;
  userAgent: string;
  logger: Logger;
  /** For messages about expired nonces. */
  nonceLifetimeMs?: number;
  connectTimeoutMs?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
  send?: (request: HttpRequest) => Promise<HttpResponse>;
}

export interface ExchangeRequest {
  method: HttpMethod;
  /** Path under the base URL, e.g. /api/v2/barong/identity/sessions. */
  path: string;
  query?: ReadonlyArray<readonly [string, string]>;
  json?: JsonValue;
  /** Credentials (X-Auth-*, Cookie, X-CSRF-Token): sent, never logged. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ExchangeAnswer {
  status: number;
  headers: HttpResponse['headers'];
  /** Parsed JSON when the answer is JSON, the text otherwise, undefined when empty. */
  body: unknown;
  totalMs: number;
}

const DEFAULTS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 5 * 1024 * 1024 };
const NOT_FOUND = 404;
const ERROR_CODE_SHAPE = /^[a-z][\w.]*$/i;
const MAINTENANCE = 471;
const TOO_MANY_REQUESTS = 429;

function parseBody(response: HttpResponse): unknown {
  if (response.body.length === 0) return undefined;
  const text = response.body.toString('utf8');
  const type = String(response.headers['content-type'] ?? '');
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ExchangeError('exchange.unexpected_body', 'The exchange answered with broken JSON.', { status: response.status });
  }
}

/**
 * HTTP to one exchange: the fixed User-Agent, JSON in and out, and every non-2xx answer turned
 * into an ExchangeError with Barong's code passed through. One log line per request: method,
 * path (never the query, which can hold a 2FA code), status and time; never headers or bodies.
 */
export class ExchangeHttp {
  private readonly options: ExchangeHttpOptions;

  constructor(options: ExchangeHttpOptions) {
    const problem = exchangeUrlProblem(options.baseUrl);
    if (problem) throw new ExchangeError('input.base_url_invalid', `The exchange URL ${problem}.`);
    this.options = options;
  }

  async request(request: ExchangeRequest): Promise<ExchangeAnswer> {
    const query = request.query && request.query.length > 0 ? `?${encodeQuery(request.query)}` : '';
    const headers: Record<string, string> = { 'User-Agent': this.options.userAgent, Accept: 'application/json', ...request.headers };
    const body = request.json === undefined ? undefined : JSON.stringify(request.json);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const send = this.options.send ?? sendHttp;
    let response: HttpResponse;
    try {
      response = await send({
        method: request.method,
        url: `${this.options.baseUrl.replace(/\/+$/, '')}${encodePath(request.path)}${query}`,
        headers,
        ...(body === undefined ? {} : { body }),
        connectTimeoutMs: this.options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
        timeoutMs: this.options.timeoutMs ?? DEFAULTS.timeoutMs,
        maxBodyBytes: this.options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
        signal: request.signal,
      });
    } catch (error) {
      this.options.logger.warn('exchange.request_failed', { method: request.method, path: request.path, code: (error as ExchangeError).code ?? 'unknown' });
      throw error;
    }
    this.options.logger.info('exchange.request', { method: request.method, path: request.path, status: response.status, ms: Math.round(response.totalMs) });
    const parsed = parseBody(response);
    if (response.status >= 200 && response.status < 300) return { status: response.status, headers: response.headers, body: parsed, totalMs: response.totalMs };
    throw this.refusal(response.status, parsed, response.headers['retry-after']);
  }

  private refusal(status: number, body: unknown, retryAfter: string | string[] | undefined): ExchangeError {
    if (status === TOO_MANY_REQUESTS) {
      const seconds = retryAfterSeconds(typeof retryAfter === 'string' ? retryAfter : undefined, Date.now());
      return new ExchangeError('exchange.rate_limited', 'The exchange limits how often a key may call, and this key called too often (429).', {
        status,
        action: seconds === undefined ? 'Wait a minute before the next request.' : `Retry in ${seconds} s.`,
      });
    }
    const [code] = parseErrorBody(body);
    // Barong's own 404s (record.not_found, ...) are in the catalogue; any other 404 means nothing
    // answers at this address, which is most often a wrong base URL (a path prefix, another server).
    if (status === NOT_FOUND && !(code && explainError(code).known)) {
      // A text body is taken as a code (Peatio sends bare codes), but another server's 404 page is not one.
      const named = code !== undefined && ERROR_CODE_SHAPE.test(code) ? code : undefined;
      return new ExchangeError(named ?? 'exchange.not_found', `The exchange has nothing at this address (404${named ? ` ${named}` : ''}).`, {
        status,
        action: "Check the account's base URL (the exchange's address, without /api/v2) and the path.",
      });
    }
    if (code)
      return ExchangeError.fromBarong(code, status, this.options.nonceLifetimeMs === undefined ? {} : { nonceLifetimeMs: this.options.nonceLifetimeMs });
    if (status === MAINTENANCE) return new ExchangeError('exchange.maintenance', 'The exchange is under maintenance.', { status, action: 'Try again later.' });
    if (status >= 300 && status < 400) {
      return new ExchangeError('exchange.redirect', `The exchange redirected the request (${status}); redirects are not followed with credentials.`, {
        status,
        action: 'Check the exchange URL.',
      });
    }
    return new ExchangeError('exchange.unexpected_answer', `The exchange answered ${status} without an error code.`, { status });
  }
}
