import { describe, expect, it } from 'vitest';
import { peatioPaths } from '../../../app/barong/paths';
import { wordsOf } from '../../../app/errors/codes';
import { runProcess } from '../../../test/support/run-process';
import type { CurlAnswer } from './tests/proxy-fixture';
import { curl, errorsOf, startProxyToSandbox } from './tests/proxy-fixture';

const LIMIT_ORDER = { market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '20000' };

const PYTHON_GET = `
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1] + sys.argv[2]) as answer:
    print(answer.status)
    print(answer.read().decode())
`;

const PYTHON_POST = `
import json, sys, urllib.request
request = urllib.request.Request(sys.argv[1] + sys.argv[2], data=sys.argv[3].encode(), headers={'Content-Type': 'application/json'}, method='POST')
with urllib.request.urlopen(request) as answer:
    print(answer.status)
    print(answer.read().decode())
`;

async function python(script: string, ...args: string[]): Promise<CurlAnswer> {
  const run = await runProcess('python3', ['-c', script, ...args]);
  expect(run.stderr).toBe('');
  const [status = '', ...body] = run.stdout.trim().split('\n');
  return { status: Number(status), body: JSON.parse(body.join('\n')) };
}

async function httpie(...args: string[]): Promise<unknown> {
  // --check-status makes a 4xx or 5xx answer a failed run (exit 4 or 5).
  const run = await runProcess('http', ['--ignore-stdin', '--check-status', '--print=b', ...args]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  return JSON.parse(run.stdout);
}

const ordersThrough = async (url: string): Promise<unknown[]> => (await curl([`${url}${peatioPaths.orders}?limit=0`])).body as unknown[];

describe('the signing proxy in front of a sandbox, used by programs with no signing code', () => {
  it('gives the balances to curl, httpie and Python, signing for the path without its query', async () => {
    const { proxy, signer } = await startProxyToSandbox();
    const byCurl = await curl([`${proxy.url}${peatioPaths.balances}?limit=1`]);
    expect(byCurl.status).toBe(200);
    expect(byCurl.body).toEqual([{ currency: 'btc', balance: expect.any(String), locked: expect.any(String) }]);
    expect(await httpie('GET', `${proxy.url}${peatioPaths.balances}`)).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'usd' })]));
    const byPython = await python(PYTHON_GET, proxy.url, peatioPaths.balances);
    expect(byPython.status).toBe(200);
    expect(byPython.body).toHaveLength(3);
    expect(signer.calls).toEqual(Array(3).fill({ method: 'GET', path: peatioPaths.balances }));
  });

  it('places an order with curl, cancels it with httpie, and Python places another with its JSON', async () => {
    const { proxy, signer } = await startProxyToSandbox();
    const placed = await curl([
      '--request',
      'POST',
      '--header',
      'Content-Type: application/json',
      '--data',
      JSON.stringify(LIMIT_ORDER),
      `${proxy.url}${peatioPaths.orders}`,
    ]);
    expect(placed.status).toBe(201);
    const { id } = placed.body as { id: number };
    expect(placed.body).toMatchObject({ market: 'btcusd', side: 'buy', origin_volume: '0.01', price: '20000.0', state: 'wait' });

    const cancelled = await httpie('POST', `${proxy.url}${peatioPaths.orders}/${id}/cancel`);
    expect(cancelled).toMatchObject({ id, state: 'cancel' });

    const byPython = await python(PYTHON_POST, proxy.url, peatioPaths.orders, JSON.stringify({ ...LIMIT_ORDER, side: 'sell', price: '31000' }));
    expect(byPython.status).toBe(201);
    expect(byPython.body).toMatchObject({ side: 'sell', price: '31000.0', state: 'wait' });
    expect(signer.calls).toEqual([
      { method: 'POST', path: peatioPaths.orders },
      { method: 'POST', path: `${peatioPaths.orders}/${id}/cancel` },
      { method: 'POST', path: peatioPaths.orders },
    ]);
  });

  it('answers with the signer’s refusal, its status and words, sends nothing on, and tells onRefusal', async () => {
    const refusal = { status: 403, code: 'agent.policy_refused', message: 'POST /api/v2/peatio/market/orders is outside this key’s policy (Read only).' };
    const { proxy, refusals } = await startProxyToSandbox((method) => (method === 'POST' ? refusal : undefined));
    const before = await ordersThrough(proxy.url);
    const answer = await curl([
      '--request',
      'POST',
      '--header',
      'Content-Type: application/json',
      '--data',
      JSON.stringify(LIMIT_ORDER),
      `${proxy.url}${peatioPaths.orders}`,
    ]);
    expect(answer).toEqual({ status: 403, body: { errors: ['agent.policy_refused'], message: refusal.message } });
    expect(refusals).toEqual([{ code: refusal.code, message: refusal.message, method: 'POST', path: peatioPaths.orders }]);
    expect(await ordersThrough(proxy.url)).toEqual(before);
  });

  it('refuses a missing or wrong token with 403 in words, before asking the signer', async () => {
    const { proxy, signer, refusals } = await startProxyToSandbox();
    const origin = `http://127.0.0.1:${proxy.port}`;
    const token = proxy.url.slice(proxy.url.lastIndexOf('/') + 1);
    const wrong = [
      `${origin}${peatioPaths.balances}`,
      `${origin}/t${peatioPaths.balances}`,
      `${origin}/t/${token.slice(0, -1)}${peatioPaths.balances}`,
      `${origin}/t/${token}x${peatioPaths.balances}`,
      `${origin}/t/${token.toUpperCase()}${peatioPaths.balances}`,
    ];
    for (const url of wrong) {
      expect(await curl([url]), url).toEqual({ status: 403, body: { errors: ['proxy.token_refused'], message: wordsOf('proxy.token_refused') } });
    }
    expect(signer.calls).toEqual([]);
    // The path of a refusal with a wrong token is not told: it could carry a mistyped token.
    expect(refusals.map((refusal) => [refusal.code, refusal.path])).toEqual(Array(wrong.length).fill(['proxy.token_refused', '']));
  });

  it('refuses a Host other than its own address, as a rebound DNS name would send it', async () => {
    const { proxy, signer } = await startProxyToSandbox();
    for (const host of [
      'evil.example',
      `evil.example:${proxy.port}`,
      `localhost:${proxy.port}`,
      `localhost.evil:${proxy.port}`,
      '127.0.0.1',
      `127.0.0.1:${proxy.port + 1}`,
    ]) {
      const answer = await curl(['--header', `Host: ${host}`, `${proxy.url}${peatioPaths.balances}`]);
      expect(answer.status, host).toBe(421);
      expect(errorsOf(answer), host).toEqual(['proxy.host_refused']);
      expect((answer.body as { message: string }).message).toContain(`127.0.0.1:${proxy.port}`);
    }
    expect(signer.calls).toEqual([]);
  });

  it('refuses any request with an Origin header: a web page cannot place an order through it', async () => {
    const { proxy, signer, refusals } = await startProxyToSandbox();
    const before = await ordersThrough(proxy.url);
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${proxy.port}`]) {
      const answer = await curl([
        '--request',
        'POST',
        '--header',
        `Origin: ${origin}`,
        '--header',
        'Content-Type: application/json',
        '--data',
        JSON.stringify(LIMIT_ORDER),
        `${proxy.url}${peatioPaths.orders}`,
      ]);
      expect(answer, origin).toEqual({ status: 403, body: { errors: ['proxy.origin_refused'], message: wordsOf('proxy.origin_refused') } });
    }
    expect(signer.calls.filter((call) => call.method === 'POST')).toEqual([]);
    expect(await ordersThrough(proxy.url)).toEqual(before);
    expect(refusals.map((refusal) => [refusal.code, refusal.method, refusal.path])).toEqual(
      Array(3).fill(['proxy.origin_refused', 'POST', peatioPaths.orders]),
    );
  });

  it('drops X-Auth headers a caller brings, in any case, and signs with its own', async () => {
    const { proxy } = await startProxyToSandbox();
    const answer = await curl([
      '--header',
      'X-Auth-Apikey: 0123456789abcdef',
      '--header',
      'x-auth-nonce: 1',
      '--header',
      'X-AUTH-SIGNATURE: ' + '0'.repeat(64),
      `${proxy.url}${peatioPaths.balances}`,
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(3);
  });

  it('refuses methods it does not sign, in words', async () => {
    const { proxy, signer } = await startProxyToSandbox();
    const options = await curl(['--request', 'OPTIONS', `${proxy.url}${peatioPaths.balances}`]);
    expect(options).toEqual({ status: 405, body: { errors: ['proxy.method_refused'], message: wordsOf('proxy.method_refused') } });
    const head = await runProcess('curl', [
      '--silent',
      '--head',
      '--write-out',
      '%{http_code}',
      '--output',
      '/dev/null',
      `${proxy.url}${peatioPaths.balances}`,
    ]);
    expect(head.stdout).toBe('405');
    expect(signer.calls).toEqual([]);
  });

  it('answers all of 200 requests sent at once', async () => {
    const { proxy, signer } = await startProxyToSandbox();
    const statuses = await Promise.all(Array.from({ length: 200 }, async () => (await fetch(`${proxy.url}${peatioPaths.balances}`)).status));
    expect(statuses).toEqual(Array(200).fill(200));
    expect(signer.calls).toHaveLength(200);
  });
});
