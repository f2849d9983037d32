import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ExchangeError } from '../exchange-error';
import { networkError } from './network-error';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Until the TCP (and TLS) connection is up. */
  connectTimeoutMs: number;
  /** The whole exchange, answer included. */
  timeoutMs: number;
  /** Larger answers are cut off with exchange.body_too_large. */
  maxBodyBytes: number;
  signal?: AbortSignal | undefined;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  totalMs: number;
}

/**
 * One HTTP request with node:http(s): no redirects followed (credentials must not travel to
 * another address), separate connect and total timeouts, a cap on the answer's size, and
 * network failures turned into ExchangeErrors a trader can read.
 */
export function sendHttp(request: HttpRequest): Promise<HttpResponse> {
  const started = performance.now();
  const url = new URL(request.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      request.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: ExchangeError) =>
      finish(() => {
        outgoing.destroy();
        reject(error);
      });
    const onAbort = () => fail(new ExchangeError('network.cancelled', 'The request was cancelled.'));

    const outgoing = send(url, { method: request.method, headers: request.headers });
    const connectTimer = setTimeout(
      () => fail(new ExchangeError('network.timeout', `Could not connect to ${url.host} within ${request.connectTimeoutMs / 1000} s.`)),
      request.connectTimeoutMs,
    );
    const totalTimer = setTimeout(
      () => fail(new ExchangeError('network.timeout', `${url.host} did not answer within ${request.timeoutMs / 1000} s.`)),
      request.timeoutMs,
    );
    outgoing.on('socket', (socket) => {
      const connected = () => clearTimeout(connectTimer);
      // A reused keep-alive socket is connected already; listening on it again would pile up listeners.
      if (socket.connecting) socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      else connected();
    });
    outgoing.on('error', (error) => fail(networkError(error, url.host)));
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBodyBytes) {
          fail(new ExchangeError('exchange.body_too_large', `The answer is larger than ${request.maxBodyBytes} bytes.`, { status: response.statusCode ?? 0 }));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', (error) => fail(networkError(error, url.host)));
      response.on('end', () =>
        finish(() =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), totalMs: performance.now() - started }),
        ),
      );
    });
    if (request.signal?.aborted) {
      onAbort();
      return;
    }
    request.signal?.addEventListener('abort', onAbort);
    outgoing.end(request.body);
  });
}
