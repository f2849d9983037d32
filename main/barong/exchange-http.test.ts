import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { ExchangeHttp } from './exchange-http';

/** An exchange that answers every request with this status and body. */
const answering = (status: number, body: unknown, type = 'application/json', headers: Record<string, string> = {}) =>
  new ExchangeHttp({
    baseUrl: 'https://exchange.example/prefix',
    userAgent: 'test',
    logger: silentLogger,
    send: async () => ({
      status,
      headers: { 'content-type': type, ...headers },
      body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
      totalMs: 1,
    }),
  });

const refusalOf = (http: ExchangeHttp) =>
  http.request({ method: 'GET', path: '/api/v2/barong/identity/ping' }).then(
    () => undefined,
    (error: unknown) => error,
  );

describe('ExchangeHttp refusals', () => {
  it('reads a 404 with a code the catalogue does not know as a wrong address, keeping the code', async () => {
    expect(await refusalOf(answering(404, { errors: ['route.not_found'] }))).toMatchObject({
      code: 'route.not_found',
      status: 404,
      message: 'The exchange has nothing at this address (404 route.not_found).',
      action: "Check the account's base URL (the exchange's address, without /api/v2) and the path.",
    });
  });

  it('reads a 404 page without a code (another web server) as a wrong address', async () => {
    expect(await refusalOf(answering(404, '<h1>Not Found</h1>', 'text/html'))).toMatchObject({
      code: 'exchange.not_found',
      message: 'The exchange has nothing at this address (404).',
    });
  });

  it("keeps Barong's own 404s in the catalogue's words", async () => {
    expect(await refusalOf(answering(404, { errors: ['record.not_found'] }))).toMatchObject({
      code: 'record.not_found',
      message: 'The exchange has no such record for this account.',
    });
  });

  it('says when to retry after a 429, from Retry-After, whatever the body', async () => {
    expect(await refusalOf(answering(429, 'Retry later', 'text/plain', { 'retry-after': '7' }))).toMatchObject({
      code: 'exchange.rate_limited',
      status: 429,
      action: 'Retry in 7 s.',
    });
    expect(await refusalOf(answering(429, { errors: ['too_many'] }))).toMatchObject({
      code: 'exchange.rate_limited',
      action: 'Wait a minute before the next request.',
    });
  });
});
