import { request } from 'node:http';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { connect, createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startEchoServer } from '../../../test/support/echo-server';
import { runProcess } from '../../../test/support/run-process';
import type { LogFields, Logger } from '../../logging/logger';
import { startSigningProxy } from './signing-proxy';
import { curl, keySigner, startTestProxy } from './tests/proxy-fixture';

const KEY = { email: 'trader@sandbox.test', kid: 'a1b2c3d4e5f60718', secret: 'f'.repeat(32) };
const ORDER_PATH = '/api/v2/peatio/market/orders';

async function echoUpstream() {
  const echo = await startEchoServer();
  onTestFinished(() => echo.close());
  return echo;
}

/** A loopback server run by `handle`, closed when the test ends. */
async function loopbackServer(handle: (incoming: IncomingMessage, response: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const write = (event: string, fields: LogFields = {}) => lines.push(JSON.stringify({ event, ...fields }));
  return { logger: { info: write, warn: write }, lines };
}

describe('what the signing proxy sends to the exchange and brings back', () => {
  it('sends the path behind the base URL’s prefix, the query, the method and the body bytes as they came', async () => {
    const echo = await echoUpstream();
    const signer = keySigner(KEY);
    const { proxy } = await startTestProxy({ upstream: `${echo.url}/exchange/`, signer });
    const body = Buffer.from('{ "market" :"btcusd",\n\t"note":"ünïcødé ✓ \\u00e9",   "volume":1e-2 }\r\n', 'utf8');
    const path = `${ORDER_PATH}/%41b~c`;
    const query = '?b=2&a=1&a=%20x&empty=&plus=1+2';
    const run = await runProcess(
      'curl',
      ['--silent', '--request', 'PUT', '--header', 'Content-Type: application/json', '--data-binary', '@-', `${proxy.url}${path}${query}`],
      { stdin: body.toString('utf8') },
    );
    expect(run.stdout).toBe('{"ok":true}');
    const [arrived] = echo.take();
    expect(arrived?.method).toBe('PUT');
    expect(arrived?.rawPath).toBe(`/exchange${path}`);
    expect(`?${arrived?.rawQuery}`).toBe(query);
    expect(arrived?.body.toString('hex')).toBe(body.toString('hex'));
    // The policy is written for the API path: the signer is asked without the base URL's prefix.
    expect(signer.calls).toEqual([{ method: 'PUT', path }]);
  });

  it('carries a chunked body from Python unchanged too', async () => {
    const echo = await echoUpstream();
    const { proxy } = await startTestProxy({ upstream: echo.url, signer: keySigner(KEY) });
    const script = `
import sys, urllib.request
def parts():
    yield '{"a": "é",'.encode()
    yield '  "b":[1, 2 ]}'.encode()
request = urllib.request.Request(sys.argv[1], data=parts(), headers={'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked'}, method='DELETE')
print(urllib.request.urlopen(request).read().decode())
`;
    const run = await runProcess('python3', ['-c', script, `${proxy.url}${ORDER_PATH}/7`]);
    expect([run.stderr, run.stdout.trim()]).toEqual(['', '{"ok":true}']);
    const [arrived] = echo.take();
    expect(arrived?.method).toBe('DELETE');
    expect(arrived?.headers['transfer-encoding']).toBe('chunked');
    expect(arrived?.body.toString('utf8')).toBe('{"a": "é",  "b":[1, 2 ]}');
  });

  it('passes the caller’s own headers, drops its X-Auth and hop-by-hop ones, and sets the exchange’s Host and the signed three', async () => {
    const echo = await echoUpstream();
    const { proxy } = await startTestProxy({ upstream: echo.url, signer: keySigner(KEY) });
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(`${proxy.url}${ORDER_PATH}`, {
        method: 'GET',
        headers: {
          Connection: 'keep-alive, X-Hop',
          'X-Hop': 'per connection',
          'Keep-Alive': 'timeout=5',
          'Proxy-Authorization': 'Basic c2VjcmV0',
          TE: 'trailers',
          'X-Custom': 'kept',
          'User-Agent': 'trading-bot/2',
          'X-Auth-Apikey': 'bogus',
          'x-AUTH-nonce': '1',
          'X-Auth-Whatever': 'also dropped',
        },
      });
      outgoing.on('response', (answer) => {
        answer.resume();
        resolve(answer.statusCode ?? 0);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(status).toBe(200);
    const headers = echo.take()[0]?.headers ?? {};
    expect(headers.host).toBe(new URL(echo.url).host);
    expect(headers['x-custom']).toBe('kept');
    expect(headers['user-agent']).toBe('trading-bot/2');
    expect(headers['x-auth-apikey']).toBe(KEY.kid);
    expect(headers['x-auth-nonce']).toMatch(/^\d{13}$/);
    expect(headers['x-auth-signature']).toMatch(/^[0-9a-f]{64}$/);
    for (const dropped of ['x-hop', 'keep-alive', 'proxy-authorization', 'te', 'x-auth-whatever']) expect(headers[dropped], dropped).toBeUndefined();
  });

  it('streams both ways: the exchange reads the body before it has all arrived, and the caller reads the answer before it has ended', async () => {
    let heardFirstPart: () => void = () => undefined;
    const exchangeHeard = new Promise<void>((resolve) => (heardFirstPart = resolve));
    const received: string[] = [];
    const upstream = await loopbackServer((incoming, response) => {
      incoming.setEncoding('utf8');
      incoming.once('data', () => {
        heardFirstPart();
        response.writeHead(200, { 'Content-Type': 'text/plain' }).write('first;');
      });
      incoming.on('data', (chunk: string) => received.push(chunk));
      incoming.on('end', () => response.end('second'));
    });
    const { proxy } = await startTestProxy({ upstream: upstream.url, signer: keySigner(KEY) });
    const answered = await new Promise<string>((resolve, reject) => {
      const outgoing = request(`${proxy.url}${ORDER_PATH}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' } });
      outgoing.on('error', reject);
      outgoing.on('response', (answer) => {
        let text = '';
        answer.setEncoding('utf8');
        answer.once('data', () => outgoing.end('part2'));
        answer.on('data', (chunk: string) => (text += chunk));
        answer.on('end', () => resolve(text));
      });
      outgoing.write('part1');
      outgoing.flushHeaders();
    });
    await exchangeHeard;
    expect(answered).toBe('first;second');
    expect(received.join('')).toBe('part1part2');
  });

  it('brings back the exchange’s status, headers and body as they are', async () => {
    const upstream = await loopbackServer((_incoming, response) => {
      response.writeHead(422, 'Unprocessable Entity', { 'Content-Type': 'application/json', 'Set-Cookie': ['a=1', 'b=2'], 'X-Exchange': 'yes' });
      response.end('{"errors":["market.order.invalid_volume_or_price"]}');
    });
    const { proxy } = await startTestProxy({ upstream: upstream.url, signer: keySigner(KEY) });
    const answer = await fetch(`${proxy.url}${ORDER_PATH}`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('x-exchange')).toBe('yes');
    expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await answer.text()).toBe('{"errors":["market.order.invalid_volume_or_price"]}');
  });
});

describe('when the exchange fails', () => {
  it('answers 502 in words when the exchange refuses the connection', async () => {
    const closed = await loopbackServer(() => undefined);
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const { proxy } = await startTestProxy({ upstream: closed.url, signer: keySigner(KEY) });
    const answer = await curl([`${proxy.url}${ORDER_PATH}`]);
    expect(answer.status).toBe(502);
    expect(answer.body).toEqual({
      errors: ['proxy.upstream_failed'],
      message: `The proxy could not reach the exchange: ${new URL(closed.url).host} refused the connection: is the address right, and the exchange up?`,
    });
  });

  it('answers 502 in words to a reset and to silence past the timeout, and goes on serving', async () => {
    const modes = ['reset', 'silent', 'answer'];
    const upstream = await loopbackServer((incoming, response) => {
      const mode = modes.shift();
      if (mode === 'reset') incoming.socket.destroy();
      if (mode === 'answer') response.end('{"ok":true}');
    });
    const { logger, lines } = recordingLogger();
    const { proxy } = await startTestProxy({ upstream: upstream.url, signer: keySigner(KEY), upstreamTimeoutMs: 300, logger });
    const host = new URL(upstream.url).host;
    expect(await curl([`${proxy.url}${ORDER_PATH}`])).toEqual({
      status: 502,
      body: { errors: ['proxy.upstream_failed'], message: `The proxy could not reach the exchange: ${host} closed the connection unexpectedly.` },
    });
    expect(await curl([`${proxy.url}${ORDER_PATH}`])).toEqual({
      status: 502,
      body: { errors: ['proxy.upstream_failed'], message: `The proxy could not reach the exchange: ${host} did not answer within 0.3 s.` },
    });
    expect(await curl([`${proxy.url}${ORDER_PATH}`])).toEqual({ status: 200, body: { ok: true } });
    expect(lines.filter((line) => line.includes('proxy.upstream_failed'))).toHaveLength(2);
    const token = proxy.url.slice(proxy.url.lastIndexOf('/') + 1);
    expect(lines.join('\n')).not.toContain(token);
  });

  it('answers 502 to an answer node cannot pass on, and lives on', async () => {
    const answers = ['HTTP/1.1 099 Low\r\nContent-Length: 0\r\n\r\n', 'HTTP/1.1 200 O\x7fK\r\nContent-Length: 2\r\n\r\nok'];
    const upstream = createTcpServer((socket) => socket.once('data', () => socket.end(answers.shift() ?? '')));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => upstream.close(() => resolve())));
    const { proxy } = await startTestProxy({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, signer: keySigner(KEY) });
    expect(await curl([`${proxy.url}${ORDER_PATH}`])).toEqual({
      status: 502,
      body: { errors: ['proxy.upstream_failed'], message: 'The exchange answered with a status or a header the proxy cannot pass on.' },
    });
    const next = await fetch(`${proxy.url}${ORDER_PATH}`);
    expect([next.status, next.statusText, await next.text()]).toEqual([200, 'OK', 'ok']);
  });

  it('cuts the caller’s answer when the exchange breaks off in the middle of it, rather than passing it as whole', async () => {
    const upstream = await loopbackServer((_incoming, response) => {
      response.writeHead(200, { 'Content-Length': '100' }).write('0123456789', () => response.socket?.destroy());
    });
    const { proxy } = await startTestProxy({ upstream: upstream.url, signer: keySigner(KEY) });
    const answer = await fetch(`${proxy.url}${ORDER_PATH}`);
    expect(answer.status).toBe(200);
    await expect(answer.text()).rejects.toThrow();
  });
});

describe('where the signing proxy listens', () => {
  it('on 127.0.0.1 only, under a 256-bit token of its own each time it starts', async () => {
    const echo = await echoUpstream();
    const first = await startTestProxy({ upstream: echo.url, signer: keySigner(KEY) });
    const second = await startTestProxy({ upstream: echo.url, signer: keySigner(KEY) });
    const shape = /^http:\/\/127\.0\.0\.1:(\d+)\/t\/([A-Za-z0-9_-]{43})$/;
    expect(first.proxy.url).toMatch(shape);
    expect(first.proxy.url.match(shape)?.[1]).toBe(String(first.proxy.port));
    expect(first.proxy.url.match(shape)?.[2]).not.toBe(second.proxy.url.match(shape)?.[2]);
    const elsewhere = ['::1', ...Object.values(networkInterfaces()).flatMap((addresses) => (addresses ?? []).filter((a) => !a.internal).map((a) => a.address))];
    for (const address of elsewhere) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: first.proxy.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(reached, address).toBe(false);
    }
  });

  it('refuses an exchange address that is neither https nor on this computer', async () => {
    await expect(startSigningProxy({ upstream: 'http://exchange.example', signer: keySigner(KEY) })).rejects.toMatchObject({ code: 'input.base_url_invalid' });
  });
});
