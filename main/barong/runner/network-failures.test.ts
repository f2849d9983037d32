import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { peatioPaths } from '../../../app/barong/paths';
import { newKid, newSecret } from '../../vault/tests/vault-fixture';
import { rejectionOf, runnerSetup } from '../tests/runner-fixture';
import type { ExchangeHttpSettings } from '../exchange-http-settings';
import { runSignedRequest } from './run-signed-request';
import type { SignedRequest, SigningVault } from './run-signed-request';

/** Listens on a free loopback port until the test ends; open connections are cut at the end. */
async function listen(server: Server): Promise<number> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    sockets.forEach((socket) => socket.destroy());
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as AddressInfo).port;
}

/** Accepts connections and never says a word: neither HTTP nor a TLS handshake. */
async function silentServer(): Promise<{ port: number; server: Server }> {
  const server = createNetServer(() => undefined);
  return { port: await listen(server), server };
}

const httpServer = async (handler: RequestListener): Promise<string> => `http://127.0.0.1:${await listen(createHttpServer(handler))}`;

const setupFor = (baseUrl: string, http: Partial<ExchangeHttpSettings> = {}) => runnerSetup(baseUrl, [{ kid: newKid(), secret: newSecret() }], { http });

const balances = (keyId: string, extra: Partial<SignedRequest> = {}): SignedRequest => ({ keyId, method: 'GET', path: peatioPaths.balances, ...extra });

describe('runSignedRequest when the network or the server misbehaves', () => {
  it('gives up with network.timeout when a server accepts and never answers', async () => {
    const { port } = await silentServer();
    const {
      vault,
      context,
      keyIds: [keyId = ''],
    } = await setupFor(`http://127.0.0.1:${port}`);
    const started = performance.now();
    const refused = await rejectionOf(runSignedRequest(context, balances(keyId, { timeouts: { timeoutMs: 300 } })));
    const elapsed = performance.now() - started;
    expect(refused).toMatchObject({ code: 'network.timeout', message: `127.0.0.1:${port} did not answer within 0.3 s.` });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
    expect(vault.auditLog(1)).toEqual([expect.objectContaining({ action: 'send', path: peatioPaths.balances, status: null, outcome: 'network.timeout' })]);
  });

  it('gives up with network.timeout when the connection is never set up', async () => {
    // TCP connects, but the TLS handshake is never answered: the connection is not up until it
    // completes, which exercises the connect timer of the real socket code on loopback. (A SYN
    // left unanswered would need a non-loopback address or a full backlog, which the kernel may
    // still complete with SYN cookies.)
    const { port } = await silentServer();
    const {
      context,
      keyIds: [keyId = ''],
    } = await setupFor(`https://127.0.0.1:${port}`);
    const started = performance.now();
    const refused = await rejectionOf(runSignedRequest(context, balances(keyId, { timeouts: { connectTimeoutMs: 300, timeoutMs: 10_000 } })));
    expect(refused).toMatchObject({ code: 'network.timeout', message: `Could not connect to 127.0.0.1:${port} within 0.3 s.` });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops with network.cancelled when its signal is aborted', async () => {
    const { port, server } = await silentServer();
    const controller = new AbortController();
    server.on('connection', () => controller.abort());
    const {
      context,
      keyIds: [keyId = ''],
    } = await setupFor(`http://127.0.0.1:${port}`);
    const refused = await rejectionOf(runSignedRequest(context, balances(keyId, { signal: controller.signal })));
    expect(refused).toMatchObject({ code: 'network.cancelled' });
  });

  it('cuts off an answer larger than the cap with exchange.body_too_large', async () => {
    const url = await httpServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ filler: 'x'.repeat(64 * 1024) }));
    });
    const {
      context,
      keyIds: [keyId = ''],
    } = await setupFor(url, { maxBodyBytes: 1024 });
    expect(await rejectionOf(runSignedRequest(context, balances(keyId)))).toMatchObject({ code: 'exchange.body_too_large', status: 200 });
  });

  it('does not follow a redirect: exchange.redirect, and the target never hears of it', async () => {
    let targetRequests = 0;
    const target = await httpServer((_request, response) => {
      targetRequests += 1;
      response.end();
    });
    const url = await httpServer((_request, response) => {
      response.writeHead(302, { Location: `${target}${peatioPaths.balances}` }).end();
    });
    const {
      context,
      keyIds: [keyId = ''],
    } = await setupFor(url);
    expect(await rejectionOf(runSignedRequest(context, balances(keyId)))).toMatchObject({ code: 'exchange.redirect', status: 302 });
    expect(targetRequests).toBe(0);
  });

  it('reports a refused connection as network.refused', async () => {
    const server = createNetServer();
    const port = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const {
      context,
      keyIds: [keyId = ''],
    } = await setupFor(`http://127.0.0.1:${port}`);
    expect(await rejectionOf(runSignedRequest(context, balances(keyId)))).toMatchObject({ code: 'network.refused' });
  });

  it('reports broken JSON as exchange.unexpected_body', async () => {
    const url = await httpServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('[{"currency": "btc", ');
    });
    const {
      context,
      keyIds: [keyId = ''],
    } = await setupFor(url);
    expect(await rejectionOf(runSignedRequest(context, balances(keyId)))).toMatchObject({ code: 'exchange.unexpected_body', status: 200 });
  });

  it('refuses a self-signed certificate with network.tls_untrusted, never sending the request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'barong-vault-tls-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    let requests = 0;
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_request, response) => {
      requests += 1;
      response.end('[]');
    });
    const port = await listen(server);
    const {
      context,
      keyIds: [keyId = ''],
    } = await setupFor(`https://127.0.0.1:${port}`);
    expect(await rejectionOf(runSignedRequest(context, balances(keyId)))).toMatchObject({
      code: 'network.tls_untrusted',
      message: `The TLS certificate of 127.0.0.1:${port} is self-signed or not trusted.`,
    });
    expect(requests).toBe(0);
  });

  it('refuses plain HTTP to anything but this computer', async () => {
    // Stored before the rule existed, or edited by hand: the runner still will not send credentials in clear.
    const {
      vault,
      account,
      context,
      keyIds: [keyId = ''],
    } = await setupFor('https://exchange.example');
    const plainHttp: SigningVault = {
      key: (id) => vault.key(id),
      account: () => ({ ...account, baseUrl: 'http://exchange.example' }),
      sign: (id, nonce, origin) => vault.sign(id, nonce, origin),
      recordUse: (id, use) => vault.recordUse(id, use),
    };
    expect(await rejectionOf(runSignedRequest({ ...context, vault: plainHttp }, balances(keyId)))).toMatchObject({ code: 'input.base_url_invalid' });
    expect(vault.auditLog().filter((entry) => entry.action === 'send')).toEqual([]);
  });
});
