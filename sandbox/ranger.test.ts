import { describe, expect, it, onTestFinished } from 'vitest';
import { rangerPaths } from '../app/barong/paths';
import type { OpenStream } from './stream-client';
import { connectStream } from './stream-client';
import type { SeededKey } from './start-sandbox';
import { signedHeaders, startTestSandbox } from './test-client';

const ORDERS = '/api/v2/peatio/market/orders';

async function start() {
  const { sandbox, client } = await startTestSandbox({ seed: true });
  const [trader, , viewer] = sandbox.apiKeys;
  if (!trader || !viewer) throw new Error('the seed should give keys');
  const streamUrl = (query: string) => `${sandbox.url.replace('http:', 'ws:')}${rangerPaths.private}${query}`;
  return { sandbox, client, trader, viewer, streamUrl };
}

async function open(url: string, key: SeededKey): Promise<OpenStream> {
  const attempt = await connectStream(url, signedHeaders(key.kid, key.secret));
  if (!attempt.opened) throw new Error(`the stream was refused: ${attempt.status} ${attempt.body}`);
  onTestFinished(() => attempt.stream.close());
  return attempt.stream;
}

describe('the private ranger stream', () => {
  it('refuses an upgrade without credentials with 401 and Barong’s error', async () => {
    const { streamUrl } = await start();
    const attempt = await connectStream(streamUrl('?stream=order'));
    expect(attempt).toEqual({ opened: false, status: 401, body: '{"errors":["authz.invalid_session"]}' });
  });

  it('refuses a bad signature and a stale nonce, as a REST call is refused', async () => {
    const { trader, streamUrl } = await start();
    const forged = await connectStream(streamUrl('?stream=order'), signedHeaders(trader.kid, 'f'.repeat(32)));
    expect(forged).toEqual({ opened: false, status: 401, body: '{"errors":["authz.invalid_signature"]}' });
    const stale = await connectStream(streamUrl('?stream=order'), signedHeaders(trader.kid, trader.secret, String(Date.now() - 60_000)));
    expect(stale).toEqual({ opened: false, status: 401, body: '{"errors":["authz.nonce_expired"]}' });
  });

  it('answers another path under ranger with 404 rather than a stream', async () => {
    const { trader, streamUrl } = await start();
    const attempt = await connectStream(streamUrl('/elsewhere?stream=order'), signedHeaders(trader.kid, trader.secret));
    expect(attempt).toEqual({ opened: false, status: 404, body: '{"errors":["route.not_found"]}' });
  });

  it('confirms the streams named in the query, then sends the member’s orders as the REST API shows them', async () => {
    const { client, trader, streamUrl } = await start();
    const stream = await open(streamUrl('?stream=order&stream=trade'), trader);
    expect(await stream.next()).toEqual({ success: { message: 'subscribed', streams: ['order', 'trade'] } });

    const placed = await client.request('POST', ORDERS, {
      headers: signedHeaders(trader.kid, trader.secret),
      json: { market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '20000' },
    });
    expect(placed.status).toBe(201);
    expect(await stream.next()).toEqual({ order: placed.body });

    const id = (placed.body as { id: number }).id;
    const cancelled = await client.request('POST', `${ORDERS}/${id}/cancel`, { headers: signedHeaders(trader.kid, trader.secret) });
    expect(cancelled.status).toBe(201);
    expect(await stream.next()).toEqual({ order: cancelled.body });
    expect(cancelled.body).toMatchObject({ id, state: 'cancel' });
  });

  it('sends a market order’s trade on the trade stream, and each stream only what it subscribed to', async () => {
    const { client, trader, streamUrl } = await start();
    const orders = await open(streamUrl('?stream=order'), trader);
    const trades = await open(streamUrl('?stream=trade'), trader);
    await orders.next();
    await trades.next();

    const placed = await client.request('POST', ORDERS, {
      headers: signedHeaders(trader.kid, trader.secret),
      json: { market: 'btcusd', side: 'sell', volume: '0.02', ord_type: 'market' },
    });
    expect(placed.status).toBe(201);
    expect(await orders.next()).toEqual({ order: placed.body });
    expect(await trades.next()).toMatchObject({ trade: { market: 'btcusd', side: 'sell', amount: '0.02', order_id: (placed.body as { id: number }).id } });
    await orders.roundTrip();
    expect(orders.queued()).toEqual([]);
  });

  it('sends nothing of one member’s orders to another member', async () => {
    const { client, trader, viewer, streamUrl } = await start();
    const theirs = await open(streamUrl('?stream=order'), viewer);
    const own = await open(streamUrl('?stream=order'), trader);
    await theirs.next();
    await own.next();
    await client.request('POST', ORDERS, {
      headers: signedHeaders(trader.kid, trader.secret),
      json: { market: 'ethusd', side: 'sell', volume: '0.5', ord_type: 'limit', price: '2500' },
    });
    expect(await own.next()).toMatchObject({ order: { market: 'ethusd' } });
    // The server sends to every subscriber at once; after a ping comes back, nothing more is on its way.
    await theirs.roundTrip();
    expect(theirs.queued()).toEqual([]);
  });

  it('ends open streams when the sandbox closes, rather than waiting for the clients to leave', async () => {
    const { sandbox, trader, streamUrl } = await start();
    const stream = await open(streamUrl('?stream=order'), trader);
    await stream.next();
    await sandbox.close();
    await expect(stream.next()).rejects.toThrow('the stream closed');
  });
});
