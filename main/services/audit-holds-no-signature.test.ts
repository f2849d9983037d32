import { createServer, request as forward } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { peatioPaths } from '../../app/barong/paths';
import { VAULT_FILE } from '../core/vault-file';
import { seededKeys, startSeededSandbox } from '../barong/tests/exchange-sandbox';
import { createMemoryClipboard } from '../clipboard/tests/memory-clipboard';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

const BALANCES = { method: 'GET', path: peatioPaths.balances } as const;

/** A loopback proxy in front of the sandbox that keeps the headers of every request main sends, signature and all. */
async function recordingProxy(target: string): Promise<{ url: string; sent: IncomingHttpHeaders[] }> {
  const upstream = new URL(target);
  const sent: IncomingHttpHeaders[] = [];
  const server = createServer((incoming, outgoing) => {
    sent.push(incoming.headers);
    const proxied = forward(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent };
}

/** The signature and nonce a rendered command carries, as it would be pasted into a shell. */
function authHeaders(text: string): { nonce: string; signature: string } {
  const nonce = /X-Auth-Nonce: ?(\d+)/.exec(text)?.[1];
  const signature = /X-Auth-Signature: ?([0-9a-f]{64})/.exec(text)?.[1];
  if (!nonce || !signature) throw new Error('The command carries no signed headers.');
  return { nonce, signature };
}

/** Every byte of the data folder as an attacker who copies it reads them: the database, its WAL, anything beside. */
function rawDataFolder(dataDir: string): { names: string[]; bytes: string } {
  const names = readdirSync(dataDir, { recursive: true }).map(String);
  const files = names.map((name) => join(dataDir, name)).filter((path) => statSync(path).isFile());
  return { names, bytes: files.map((path) => readFileSync(path).toString('latin1')).join('\n') };
}

describe('the audit log', () => {
  it('records sign, copy and send without the signature, the signed headers or the secret', async () => {
    const sandbox = await startSeededSandbox();
    const { trade } = seededKeys(sandbox);
    const proxy = await recordingProxy(sandbox.url);
    const memory = createMemoryClipboard();
    const { value, dataDir } = testBackend({ clipboard: memory.clipboard });
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const account = await value('accounts.create', { name: 'Audited', baseUrl: proxy.url });
    const { key } = await value('keys.import', { accountId: account.id, kid: trade.kid, secret: trade.secret });
    const earlier = new Set((await value('audit.list', {})).map((entry) => entry.id));

    const signed = authHeaders((await value('signer.render', { keyId: key.id, format: 'curl', request: BALANCES })).text);
    const copied = authHeaders((await value('signer.copy', { keyId: key.id, format: 'httpie', request: BALANCES })).text);
    expect(memory.state.secret).toBe(true);
    expect((await value('signer.send', { keyId: key.id, request: BALANCES })).status).toBe(200);
    expect(proxy.sent).toHaveLength(1);
    const sentHeaders = proxy.sent[0] ?? {};
    const sent = { nonce: String(sentHeaders['x-auth-nonce']), signature: String(sentHeaders['x-auth-signature']) };
    expect(sent.signature).toMatch(/^[0-9a-f]{64}$/);
    const uses = [signed, copied, sent];

    // What the audit answers: exactly these fields, none of them the signed headers.
    const entries = await value('audit.list', {});
    const row = (action: string, status: number | null, outcome: string | null) => ({
      id: expect.any(Number),
      at: expect.any(Number),
      action,
      accountId: account.id,
      keyId: key.id,
      kid: trade.kid,
      method: 'GET',
      path: BALANCES.path,
      status,
      outcome,
    });
    expect(entries.filter((entry) => !earlier.has(entry.id))).toEqual([row('send', 200, expect.any(String)), row('copy', null, null), row('sign', null, null)]);
    // `at` is the time in ms, as a nonce is: it may equal one without holding it.
    const answered = JSON.stringify(entries, (field, fieldValue: unknown) => (field === 'at' ? undefined : fieldValue));
    const folder = rawDataFolder(dataDir);
    expect(folder.names).toContain(VAULT_FILE);
    for (const text of [answered, folder.bytes]) {
      expect(text).not.toContain(trade.secret);
      expect(text).not.toMatch(/x-auth-(signature|nonce|apikey)/i);
      for (const { nonce, signature } of uses) {
        expect(text).not.toContain(signature);
        expect(text).not.toContain(nonce);
      }
    }
  });
});
