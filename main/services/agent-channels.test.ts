import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { peatioPaths } from '../../app/barong/paths';
import { policyForLevel } from '../../app/domain/agent-policy';
import { connectClient } from '../agent/socket/tests/agent-test-client';
import type { TestClient } from '../agent/socket/tests/agent-test-client';
import { curl } from '../agent/proxy/tests/proxy-fixture';
import { TRADER } from '../barong/tests/barong-exchange';
import { seededKeys, startSeededSandbox } from '../barong/tests/exchange-sandbox';
import { createMemoryClipboard } from '../clipboard/tests/memory-clipboard';
import { createAppCore } from '../core/create-app-core';
import { TEST_SCRYPT_COST } from '../vault/tests/vault-fixture';
import { memoryLogger, PASSPHRASE, testBackend } from './tests/backend-fixture';

const owner = { ownerPassphrase: PASSPHRASE };

async function unlockedBackend() {
  const clipboard = createMemoryClipboard();
  const test = testBackend({ clipboard: clipboard.clipboard });
  await test.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
  return { ...test, clipboard };
}

/** Says hello as a program would, with the token the agent wrote into its file. */
async function helloAs(name: string, socket: string, tokenFile: string): Promise<TestClient> {
  const client = await connectClient(socket);
  client.send({ type: 'hello', client: name, token: readFileSync(tokenFile, 'utf8') });
  expect(await client.next()).toMatchObject({ type: 'hello', ok: true });
  return client;
}

describe('the signing agent switch', () => {
  it('is off by default: nothing listens, and the paths to give programs are named', async () => {
    const { value, dataDir } = await unlockedBackend();
    const status = await value('agent.status');
    expect(status).toEqual({
      enabled: false,
      running: false,
      problem: null,
      socket: join(dataDir, 'agent.sock'),
      tokenFile: join(dataDir, 'agent.token'),
      clients: [],
      proxies: [],
    });
    expect(existsSync(status.socket)).toBe(false);
  });

  it('serves programs once on, lists and announces them, and stops when turned off', async () => {
    const { value, eventsNamed, dataDir } = await unlockedBackend();
    const on = await value('agent.setEnabled', { enabled: true, ...owner });
    expect(on).toMatchObject({ enabled: true, running: true, problem: null });

    const bot = await helloAs('grid-bot', on.socket, on.tokenFile);
    bot.send({ type: 'status' });
    expect(await bot.next()).toMatchObject({ type: 'status', locked: false, clients: ['grid-bot'] });
    const listed = await value('agent.status');
    expect(listed.clients).toEqual([{ name: 'grid-bot', connectedAt: expect.any(Number) }]);
    expect(eventsNamed('agent.clients').at(-1)).toEqual({ clients: listed.clients });

    // Already on: no second proof is asked, and nothing changes.
    expect(await value('agent.setEnabled', { enabled: true })).toMatchObject({ running: true });
    const off = await value('agent.setEnabled', { enabled: false });
    expect(off).toMatchObject({ enabled: false, running: false, clients: [] });
    await bot.closed;
    expect(existsSync(join(dataDir, 'agent.sock'))).toBe(false);
    expect(existsSync(join(dataDir, 'agent.token'))).toBe(false);
    expect(eventsNamed('agent.clients').at(-1)).toEqual({ clients: [] });
    const switches = (await value('audit.list', {})).filter((entry) => entry.action === 'agent-switch').map((entry) => entry.outcome);
    expect(switches).toEqual(['signing agent off', 'signing agent on']);
  });

  it('stays on across a restart, serving while the vault is locked, and never travels in the settings a backup carries', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'barong-agent-restart-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const start = () => {
      const core = createAppCore({
        dataDir,
        agentSocket: join(dataDir, 'agent.sock'),
        appVersion: '0.1.0-test',
        logger: memoryLogger(),
        scryptCost: TEST_SCRYPT_COST,
      });
      onTestFinished(async () => {
        await core.agentServers.stop();
        core.close();
      });
      return { core, page: core.door('page') };
    };

    const first = start();
    await first.page['vault.create']({ passphrase: PASSPHRASE, keychain: false });
    expect(await first.page['agent.setEnabled']({ enabled: true, ...owner })).toMatchObject({ ok: true });
    expect(await first.page['settings.get']({})).toMatchObject({ ok: true, value: expect.not.objectContaining({ agentEnabled: expect.anything() }) });
    await first.core.agentServers.stop();
    first.core.close();

    const second = start();
    await second.core.agentServers.resume();
    const bot = await helloAs('grid-bot', join(dataDir, 'agent.sock'), join(dataDir, 'agent.token'));
    bot.send({ type: 'keys' });
    expect(await bot.next()).toMatchObject({ ok: false, error: { code: 'vault.locked' } });
    await second.page['vault.unlock']({ passphrase: PASSPHRASE });
    expect(await second.page['agent.status']({})).toMatchObject({ ok: true, value: { enabled: true, running: true } });
  });

  it('refuses to start on a socket another agent answers, and after a restart says why it does not serve', async () => {
    const app = await unlockedBackend();
    const other = await unlockedBackend();
    const sharedSocket = (await app.value('agent.status')).socket;
    const start = (test: typeof app) =>
      createAppCore({ dataDir: test.dataDir, agentSocket: sharedSocket, appVersion: '0.1.0-test', logger: memoryLogger(), scryptCost: TEST_SCRYPT_COST });
    await app.value('agent.setEnabled', { enabled: true, ...owner });

    // A second app on the same socket: refused in words, and its choice stays off.
    const second = start(other);
    onTestFinished(async () => {
      await second.agentServers.stop();
      second.close();
    });
    const page = second.door('page');
    await page['vault.unlock']({ passphrase: PASSPHRASE });
    expect(await page['agent.setEnabled']({ enabled: true, ...owner })).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: `Another signing agent is already answering at ${sharedSocket}: stop it first, or give this one another socket path.`,
      },
    });
    expect(await page['agent.status']({})).toMatchObject({ ok: true, value: { enabled: false, running: false } });

    // The first app quits with its agent on; meanwhile another takes the socket; the first starts again.
    await app.core.agentServers.stop();
    expect(await page['agent.setEnabled']({ enabled: true, ...owner })).toMatchObject({ ok: true, value: { running: true } });
    await app.core.agentServers.resume();
    expect(await app.value('agent.status')).toMatchObject({
      enabled: true,
      running: false,
      problem: expect.stringMatching(/^Another signing agent is already answering/),
    });
  });
});

describe('a signing proxy per key', () => {
  async function keyOnSandbox() {
    const sandbox = await startSeededSandbox();
    const test = await unlockedBackend();
    const account = await test.value('accounts.create', { name: 'Sandbox', baseUrl: sandbox.url, loginEmail: TRADER });
    const { trade } = seededKeys(sandbox);
    const { key } = await test.value('keys.import', { accountId: account.id, kid: trade.kid, secret: trade.secret, label: 'bot' });
    return { ...test, key };
  }

  it('refuses a key closed to programs', async () => {
    const { call, key } = await keyOnSandbox();
    expect(await call('agent.startProxy', { keyId: key.id, ...owner })).toMatchObject({ ok: false, error: { code: 'proxy.key_closed' } });
  });

  it('answers curl with the balances through the url it shows, copies that url for a while, and stops', async () => {
    const { value, call, key, clipboard } = await keyOnSandbox();
    await value('keys.setPolicy', { keyId: key.id, policy: policyForLevel('trade'), ...owner });
    const { proxies } = await value('agent.startProxy', { keyId: key.id, ...owner });
    expect(proxies).toEqual([{ keyId: key.id, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/t\/[\w-]{43}$/), port: expect.any(Number) }]);
    const url = proxies[0]?.url ?? '';

    const balances = await curl([`${url}${peatioPaths.balances}`]);
    expect(balances.status).toBe(200);
    expect(Array.isArray(balances.body)).toBe(true);
    // Trade does not withdraw: the key's policy holds behind the proxy too.
    expect((await curl(['-X', 'POST', `${url}/api/v2/peatio/account/withdraws`])).status).toBe(403);

    expect(await value('agent.copyProxyUrl', { keyId: key.id })).toEqual({ clearsInSeconds: 20 });
    expect(clipboard.state).toEqual({ text: url, secret: true });

    expect(await value('agent.stopProxy', { keyId: key.id })).toMatchObject({ proxies: [] });
    await expect(curl([`${url}${peatioPaths.balances}`])).rejects.toThrow(/curl exited 7/);
    expect(await call('agent.copyProxyUrl', { keyId: key.id })).toMatchObject({ ok: false, error: { code: 'proxy.not_running' } });

    // The agent's rows are written a batch at a time, AUDIT_BATCH.delayMs after the first: on a
    // loaded machine the timer may fire after the steps above, so the log is read until they are in.
    const uses = async () =>
      (await value('audit.list', {})).filter((entry) => entry.action === 'agent-use').map((entry) => `${entry.method} ${entry.path} ${entry.outcome}`);
    await expect
      .poll(uses, { timeout: 5000 })
      .toEqual([
        expect.stringMatching(/^POST \/api\/v2\/peatio\/account\/withdraws .*proxy.*refused/),
        expect.stringMatching(/^GET \/api\/v2\/peatio\/account\/balances .*proxy.*signed$/),
      ]);
    const audit = await value('audit.list', {});
    const switches = audit.filter((entry) => entry.action === 'agent-switch').map((entry) => entry.outcome);
    expect(switches).toEqual(['signing proxy stopped', expect.stringMatching(/^signing proxy on port \d+$/)]);
    // The url holds the proxy's token: it is shown to the owner, and written to no audit row.
    expect(JSON.stringify(audit)).not.toContain(url.slice(url.lastIndexOf('/') + 1));
  });
});
