import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../app/barong/nonce-clock';
import type { Answer } from './test-client';
import { errorsOf, signedHeaders, TotpPad, startTestSandbox } from './test-client';

const PEATIO = '/api/v2/peatio';

const start = startTestSandbox;

async function seededTrader() {
  const { sandbox, client } = await start({ seed: true });
  const key = sandbox.apiKeys[0];
  if (!key) throw new Error('the seed should give keys');
  const call = (method: string, path: string, json?: unknown): Promise<Answer> => {
    const headers = signedHeaders(key.kid, key.secret);
    return client.request(method, PEATIO + path, json === undefined ? { headers } : { headers, json });
  };
  return { sandbox, client, call };
}

const balanceOf = async (call: (method: string, path: string) => Promise<Answer>, currency: string) =>
  (await call('GET', `/account/balances/${currency}`)).body as { balance: string; locked: string };

describe('the public endpoints and the HTTP envelope', () => {
  it('listens on loopback and answers ping, time and public time', async () => {
    const { sandbox, client } = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await client.request('GET', '/api/v2/barong/identity/ping')).body).toEqual({ ping: 'pong' });
    for (const path of ['/api/v2/barong/identity/time', '/api/v2/barong/public/time']) {
      const before = Math.floor(Date.now() / 1000);
      const answer = await client.request('GET', path);
      const time = (answer.body as { time: number }).time;
      expect(Number.isInteger(time)).toBe(true);
      expect(time).toBeGreaterThanOrEqual(before);
      expect(time).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      expect(Math.abs((parseHttpDate(answer.headers.get('date') ?? '') ?? 0) - time)).toBeLessThanOrEqual(1);
    }
    const timestamp = await client.request('GET', `${PEATIO}/public/timestamp`);
    expect(Math.abs(Date.parse(timestamp.body as string) - Date.now())).toBeLessThan(5000);
  });

  it('answers unknown routes with a JSON 404, and a known path with the wrong verb with 405', async () => {
    const { client } = await start();
    for (const path of ['/nothing/here', '/api/v2/barong/identity/nothing', `${PEATIO}/public/nothing`]) {
      const answer = await client.request('GET', path);
      expect([answer.status, errorsOf(answer)], path).toEqual([404, ['route.not_found']]);
    }
    const wrongVerb = await client.request('PUT', '/api/v2/barong/identity/ping');
    expect([wrongVerb.status, errorsOf(wrongVerb)]).toEqual([405, ['route.method_not_allowed']]);
  });

  it('asks for credentials before saying that a private path does not exist', async () => {
    const { client } = await start();
    const answer = await client.request('GET', '/api/v2/barong/resource/nothing');
    expect(errorsOf(answer)).toEqual(['authz.invalid_session']);
  });

  it('refuses malformed JSON with 400, an oversized body with 413 and an unknown media type with 415', async () => {
    const { client } = await start();
    const path = '/api/v2/barong/identity/sessions';
    const malformed = await client.request('POST', path, { rawBody: '{"email": ' });
    expect([malformed.status, errorsOf(malformed)]).toEqual([400, ['request.malformed_json']]);
    const notObject = await client.request('POST', path, { rawBody: '[1, 2]' });
    expect([notObject.status, errorsOf(notObject)]).toEqual([400, ['request.malformed_json']]);
    const huge = await client.request('POST', path, { rawBody: JSON.stringify({ email: 'x'.repeat(200_000) }) });
    expect([huge.status, errorsOf(huge)]).toEqual([413, ['request.body_too_large']]);
    const text = await client.request('POST', path, { rawBody: 'hello', contentType: 'text/plain' });
    expect([text.status, errorsOf(text)]).toEqual([415, ['request.unsupported_media_type']]);
    expect((await client.request('GET', '/api/v2/barong/identity/ping')).status).toBe(200);
  });

  it('does not let dot segments reach a private path through a public prefix', async () => {
    const { sandbox } = await start();
    const { port } = new URL(sandbox.url);
    // node:http sends the path as written, where fetch would normalise it first.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/api/v2/barong/identity/%2e%2e/resource/users/me' }, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(401);
  });

  it('close() ends keep-alive connections at once', async () => {
    const { sandbox, client } = await start();
    expect((await client.request('GET', '/api/v2/barong/identity/ping')).status).toBe(200);
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(client.request('GET', '/api/v2/barong/identity/ping')).rejects.toThrow();
  });
});

describe('the Peatio endpoints (PROTOCOL.md section 5)', () => {
  it('lists seeded balances with paging headers, one currency, and refuses an unknown one', async () => {
    const { call } = await seededTrader();
    const all = await call('GET', '/account/balances');
    expect(all.headers.get('Total')).toBe('3');
    expect(all.body).toContainEqual({ currency: 'eth', balance: '38.0', locked: '2.0' });
    expect(await balanceOf(call, 'btc')).toEqual({ currency: 'btc', balance: '2.6', locked: '0.0' });
    const unknown = await call('GET', '/account/balances/doge');
    expect([unknown.status, errorsOf(unknown)]).toEqual([422, ['account.currency.doesnt_exist']]);
  });

  it('lists markets publicly', async () => {
    const { client } = await start();
    const markets = await client.request('GET', `${PEATIO}/public/markets`);
    expect((markets.body as { id: string }[]).map((market) => market.id)).toEqual(['btcusd', 'ethusd', 'ethbtc']);
  });

  it('places, reads, lists and cancels a limit order, locking and releasing funds', async () => {
    const { call } = await seededTrader();
    const placed = await call('POST', '/market/orders', { market: 'btcusd', side: 'buy', volume: '0.5', price: '20000' });
    expect(placed.status).toBe(201);
    const order = placed.body as { id: number; uuid: string };
    expect(placed.body).toMatchObject({ market: 'btcusd', side: 'buy', ord_type: 'limit', state: 'wait', price: '20000.0', origin_volume: '0.5' });
    expect(await balanceOf(call, 'usd')).toMatchObject({ locked: '24000.0' });
    expect((await call('GET', `/market/orders/${order.id}`)).body).toMatchObject({ uuid: order.uuid });
    expect((await call('GET', `/market/orders/${order.uuid}`)).body).toMatchObject({ id: order.id });
    const waiting = await call('GET', '/market/orders?state=wait&market=btcusd');
    expect((waiting.body as { id: number }[]).map((item) => item.id)).toContain(order.id);
    expect(waiting.headers.get('Per-Page')).toBe('100');
    expect(waiting.headers.get('Total')).toBeNull();
    const cancelled = await call('POST', `/market/orders/${order.id}/cancel`);
    expect([cancelled.status, (cancelled.body as { state: string }).state]).toEqual([201, 'cancel']);
    expect(await balanceOf(call, 'usd')).toMatchObject({ locked: '14000.0' });
    const twice = await call('POST', `/market/orders/${order.id}/cancel`);
    expect(twice.status).toBe(422);
    expect(errorsOf(await call('GET', '/market/orders/999999'))).toEqual(['record.not_found']);
  });

  it('fills a market order at the last price and lists the trade', async () => {
    const { call } = await seededTrader();
    const placed = await call('POST', '/market/orders', { market: 'ethusd', side: 'buy', volume: '1', ord_type: 'market' });
    expect(placed.body).toMatchObject({ state: 'done', executed_volume: '1.0', avg_price: '2000.0' });
    const trades = await call('GET', '/market/trades?market=ethusd');
    expect(trades.body).toEqual([expect.objectContaining({ market: 'ethusd', price: '2000.0', amount: '1.0', total: '2000.0', side: 'buy' })]);
    expect((await call('GET', '/market/trades')).body).toHaveLength(2);
  });

  it('cancels all open orders of a market', async () => {
    const { call } = await seededTrader();
    const cancelled = await call('POST', '/market/orders/cancel', { market: 'btcusd' });
    expect(cancelled.status).toBe(201);
    expect((cancelled.body as { market: string; state: string }[]).map((order) => [order.market, order.state])).toEqual([['btcusd', 'cancel']]);
    const open = await call('GET', '/market/orders?state=wait');
    expect((open.body as { market: string }[]).map((order) => order.market)).toEqual(['ethusd']);
  });

  it('validates orders: unknown market, side, volume and missing funds', async () => {
    const { call } = await seededTrader();
    const cases: [Record<string, string>, string][] = [
      [{ market: 'dogeusd', side: 'buy', volume: '1', price: '1' }, 'market.market.doesnt_exist'],
      [{ market: 'btcusd', side: 'hold', volume: '1', price: '1' }, 'market.order.invalid_side'],
      [{ market: 'btcusd', side: 'buy', volume: '0', price: '1' }, 'market.order.non_positive_volume'],
      [{ market: 'btcusd', side: 'buy', volume: '100', price: '30000' }, 'market.account.insufficient_balance'],
    ];
    for (const [order, code] of cases) {
      const answer = await call('POST', '/market/orders', order);
      expect([answer.status, errorsOf(answer)], code).toEqual([422, [code]]);
    }
  });

  it('403 market.trade.not_permitted for a member below the trading level', async () => {
    const { sandbox, client } = await start({ seed: true });
    const pending = sandbox.users.find((user) => user.email === 'pending@sandbox.test');
    await client.login(pending?.email ?? '', pending?.password ?? '', new TotpPad(pending?.totpSecret ?? '').next());
    expect((await client.request('GET', `${PEATIO}/account/balances`)).status).toBe(200);
    const answer = await client.write('POST', `${PEATIO}/market/orders`, { market: 'btcusd', side: 'buy', volume: '0.001', price: '100' });
    expect([answer.status, errorsOf(answer)]).toEqual([403, ['market.trade.not_permitted']]);
  });
});
