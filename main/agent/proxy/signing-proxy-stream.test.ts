import { describe, expect, it, onTestFinished } from 'vitest';
import { peatioPaths, rangerPaths } from '../../../app/barong/paths';
import { wordsOf } from '../../../app/errors/codes';
import type { OpenStream } from '../../../sandbox/stream-client';
import { connectStream } from '../../../sandbox/stream-client';
import { seededKeys, startSeededSandbox } from '../../barong/tests/exchange-sandbox';
import { keySigner, startProxyToSandbox, startTestProxy } from './tests/proxy-fixture';

const STREAMS = '?stream=order&stream=trade';
const streamUrl = (proxyUrl: string, path: string = rangerPaths.private) => `${proxyUrl.replace('http:', 'ws:')}${path}${STREAMS}`;
const refusalBody = (code: Parameters<typeof wordsOf>[0]) => JSON.stringify({ errors: [code], message: wordsOf(code) });

async function open(url: string): Promise<OpenStream> {
  const attempt = await connectStream(url);
  if (!attempt.opened) throw new Error(`the stream was refused: ${attempt.status} ${attempt.body}`);
  onTestFinished(() => attempt.stream.close());
  return attempt.stream;
}

describe('the private stream through the signing proxy', () => {
  it('opens with the proxy’s signature and carries the order placed through the proxy', async () => {
    const { proxy, signer } = await startProxyToSandbox();
    const stream = await open(streamUrl(proxy.url));
    expect(await stream.next()).toEqual({ success: { message: 'subscribed', streams: ['order', 'trade'] } });
    const placed = await fetch(`${proxy.url}${peatioPaths.orders}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ market: 'ethusd', side: 'sell', volume: '0.5', ord_type: 'limit', price: '2500' }),
    });
    expect(placed.status).toBe(201);
    expect(await stream.next()).toEqual({ order: await placed.json() });
    expect(signer.calls).toEqual([
      { method: 'GET', path: rangerPaths.private },
      { method: 'POST', path: peatioPaths.orders },
    ]);
  });

  it('refuses an upgrade with an Origin, a wrong token or a foreign Host, before asking the signer', async () => {
    const { proxy, signer } = await startProxyToSandbox();
    expect(await connectStream(streamUrl(proxy.url), { Origin: 'https://evil.example' })).toEqual({
      opened: false,
      status: 403,
      body: refusalBody('proxy.origin_refused'),
    });
    expect(await connectStream(streamUrl(`${proxy.url}x`))).toEqual({ opened: false, status: 403, body: refusalBody('proxy.token_refused') });
    const foreign = await connectStream(streamUrl(proxy.url), { Host: `evil.example:${proxy.port}` });
    expect(foreign).toMatchObject({ opened: false, status: 421 });
    expect(signer.calls).toEqual([]);
  });

  it('opens no other path', async () => {
    const { proxy, signer, refusals } = await startProxyToSandbox();
    for (const path of ['/api/v2/ranger/public', `${rangerPaths.private}/x`, peatioPaths.balances]) {
      expect(await connectStream(streamUrl(proxy.url, path)), path).toEqual({ opened: false, status: 403, body: refusalBody('proxy.upgrade_refused') });
    }
    expect(signer.calls).toEqual([]);
    expect(refusals.map((refusal) => refusal.path)).toEqual(['/api/v2/ranger/public', `${rangerPaths.private}/x`, peatioPaths.balances]);
  });

  it('passes on the signer’s refusal, and the exchange’s own', async () => {
    const refusal = { status: 423, code: 'vault.locked', message: 'The vault is locked: unlock it first.' };
    const refusing = await startProxyToSandbox(() => refusal);
    expect(await connectStream(streamUrl(refusing.proxy.url))).toEqual({
      opened: false,
      status: 423,
      body: JSON.stringify({ errors: [refusal.code], message: refusal.message }),
    });
    expect(refusing.refusals).toEqual([{ code: refusal.code, message: refusal.message, method: 'GET', path: rangerPaths.private }]);

    const sandbox = await startSeededSandbox();
    const wrongSecret = { ...seededKeys(sandbox).trade, secret: 'f'.repeat(32) };
    const { proxy } = await startTestProxy({ upstream: sandbox.url, signer: keySigner(wrongSecret) });
    expect(await connectStream(streamUrl(proxy.url))).toEqual({ opened: false, status: 401, body: '{"errors":["authz.invalid_signature"]}' });
  });

  it('closes the stream when the exchange goes away, and answers the next request with 502', async () => {
    const { sandbox, proxy } = await startProxyToSandbox();
    const stream = await open(streamUrl(proxy.url));
    await stream.next();
    await sandbox.close();
    await expect(stream.next()).rejects.toThrow('the stream closed');
    const after = await fetch(`${proxy.url}${peatioPaths.balances}`);
    expect(after.status).toBe(502);
    expect(await after.json()).toMatchObject({ errors: ['proxy.upstream_failed'] });
  });

  it('ends its open streams when it closes', async () => {
    const { proxy } = await startProxyToSandbox();
    const stream = await open(streamUrl(proxy.url));
    await stream.next();
    await proxy.close();
    await expect(stream.next()).rejects.toThrow('the stream closed');
  });
});
