import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeOverHttp } from './api-over-http';
import { UNKNOWN_CHANNEL } from './api-route';
import { startHarnessBackend } from './harness-backend';
import type { HarnessBackend } from './harness-backend';
import { startHarnessServer } from './harness-server';
import type { HarnessServer } from './harness-server';
import { pageApiScript } from './page-api-script';

const MAX_BODY = 4096;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let rendererDir: string;
let harness: HarnessBackend;
let server: HarnessServer;

/** One request with exactly the given headers, an undefined one left out (node:http, since fetch sets Host itself). */
function send(method: string, path: string, given: OutgoingHttpHeaders, body: string | string[] = ''): Promise<Answer> {
  const headers = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return new Promise((resolve, reject) => {
    const call = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    call.on('error', reject);
    for (const part of Array.isArray(body) ? body : [body]) call.write(part);
    call.end();
  });
}

const ownHeaders = (): OutgoingHttpHeaders => ({ Authorization: `Bearer ${server.token}`, Origin: server.origin, 'Content-Type': 'application/json' });
const callApi = (channel: string, body: string | string[] = '', headers: OutgoingHttpHeaders = {}) =>
  send('POST', `/api/${channel}`, { ...ownHeaders(), ...headers }, body);
const setUp = async () => {
  const status = await harness.channels['vault.status'](undefined);
  return status.ok && status.value.setUp;
};
const CREATE = JSON.stringify({ passphrase: 'correct horse battery staple', keychain: false });

beforeEach(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'barong-harness-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'window.api.vault.status();');
  harness = startHarnessBackend('gnome_libsecret');
  server = await startHarnessServer({ rendererDir, channels: harness.channels, maxBodyBytes: MAX_BODY });
});

afterEach(async () => {
  await server.close();
  await harness.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('the harness server API', () => {
  it('dispatches a call to the real backend and answers its Result', async () => {
    const status = await callApi('vault.status');
    expect(status.status).toBe(200);
    expect(status.headers['content-type']).toBe('application/json');
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { setUp: false, unlocked: false } });

    const created = await callApi('vault.create', CREATE);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { setUp: true, unlocked: true } });
    expect(await setUp()).toBe(true);
  });

  it("answers the channel's own typed error for an input it refuses", async () => {
    const answer = await callApi('vault.create', JSON.stringify({ keychain: 'yes' }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });

  it('answers an unknown channel with the typed error the IPC gives, even a name every object has', async () => {
    for (const channel of ['vault.explode', 'constructor', '__proto__', 'vault.status%2Fx', '%E0%A4%A']) {
      const answer = await callApi(channel);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual(UNKNOWN_CHANNEL);
    }
  });

  it('refuses a call without the bearer token, or with another one, before it reaches the backend', async () => {
    const refusals = [
      await send('POST', '/api/vault.create', { ...ownHeaders(), Authorization: undefined }, CREATE),
      await callApi('vault.create', CREATE, { Authorization: `Bearer ${server.token.slice(0, -1)}${server.token.endsWith('A') ? 'B' : 'A'}` }),
      await callApi('vault.create', CREATE, { Authorization: 'Bearer ' }),
      await callApi('vault.create', CREATE, { Authorization: server.token }),
      await callApi('vault.create', CREATE, { Authorization: `Basic ${server.token}` }),
    ];
    expect(refusals.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    expect(refusals[0]?.headers['www-authenticate']).toBe('Bearer');
    expect(await setUp()).toBe(false);
  });

  it('refuses a Host other than its own address, for the API and for files', async () => {
    for (const host of [`localhost:${server.port}`, 'rebound.example', `127.0.0.1:${server.port + 1}`]) {
      expect((await callApi('vault.create', CREATE, { Host: host })).status).toBe(421);
      expect((await send('GET', '/', { Host: host })).status).toBe(421);
    }
    expect(await setUp()).toBe(false);
  });

  it('refuses a call from any origin but the renderer’s, or from none', async () => {
    const refusals = [
      await send('POST', '/api/vault.create', { ...ownHeaders(), Origin: undefined }, CREATE),
      await callApi('vault.create', CREATE, { Origin: 'null' }),
      await callApi('vault.create', CREATE, { Origin: `http://localhost:${server.port}` }),
      await callApi('vault.create', CREATE, { Origin: 'https://exchange.example' }),
    ];
    expect(refusals.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    expect(await setUp()).toBe(false);
  });

  it('takes POST only', async () => {
    for (const method of ['GET', 'PUT', 'OPTIONS']) {
      const answer = await send(method, '/api/vault.status', ownHeaders());
      expect(answer.status).toBe(405);
      expect(answer.headers['allow']).toBe('POST');
    }
  });

  it('refuses a body over the cap, whether its length is announced or it streams', async () => {
    const big = JSON.stringify({ passphrase: 'x'.repeat(MAX_BODY), keychain: false });
    expect((await callApi('vault.create', big)).status).toBe(413);
    const chunks = Array.from({ length: 8 }, () => ' '.repeat(1024));
    expect((await callApi('vault.create', [...chunks, CREATE], { 'Transfer-Encoding': 'chunked' })).status).toBe(413);
    expect(await setUp()).toBe(false);
    // The cap counts bytes, not characters.
    expect((await callApi('vault.create', JSON.stringify({ passphrase: 'é'.repeat(MAX_BODY / 2), keychain: false }))).status).toBe(413);
  });

  it('refuses a body that is not JSON', async () => {
    expect((await callApi('vault.create', '{"keychain": false')).status).toBe(400);
    expect((await callApi('vault.create', 'undefined')).status).toBe(400);
  });
});

describe('the test process side of the binding', () => {
  it('forwards a call as the renderer, with the token, and answers the Result', async () => {
    const invoke = invokeOverHttp(server);
    const call = async (channel: string, input: unknown) => JSON.parse(await invoke(channel, input)) as unknown;
    expect(await call('vault.create', JSON.parse(CREATE))).toMatchObject({ ok: true, value: { setUp: true } });
    expect(await call('vault.lock', undefined)).toMatchObject({ ok: true, value: { unlocked: false } });
    expect(await call('no.such', {})).toEqual(UNKNOWN_CHANNEL);
  });

  it('fails the call when the server refuses it', async () => {
    await expect(invokeOverHttp({ origin: server.origin, token: 'not-the-token' })('vault.status', undefined)).rejects.toThrow(/HTTP 401/);
  });
});

describe('the bearer token', () => {
  it('is new for each server', async () => {
    const other = await startHarnessServer({ rendererDir, channels: harness.channels });
    try {
      expect(other.token).not.toBe(server.token);
      expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
    } finally {
      await other.close();
    }
  });

  it('is in no page, script or refusal the server gives, nor in the script injected into the page', async () => {
    const answers = [
      await send('GET', '/', {}),
      await send('GET', '/index.html', {}),
      await send('GET', '/assets/app.js', {}),
      await send('GET', '/missing.js', {}),
      await send('GET', '/api/vault.status', { Origin: server.origin }),
      await send('POST', '/api/vault.status', { Origin: server.origin }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 404, 401, 401]);
    expect(answers[0]?.headers['content-security-policy']).toContain("connect-src 'none'");
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(server.token);
    expect(await pageApiScript()).not.toContain(server.token);
  });
});
