import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../app/app-error';
import type { AnswerBody } from '../../../app/agent/wire';
import type { LogFields } from '../../logging/logger';
import type { ClientInfo } from '../service-contract';
import { connectClient, echoService, startTestAgent, until } from './tests/agent-test-client';
import { heldService } from './tests/held-service';
import type { TestAgent } from './tests/agent-test-client';

const onUnix = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;

let running: TestAgent[] = [];
const start = async (...args: Parameters<typeof startTestAgent>) => {
  const agent = await startTestAgent(...args);
  running.push(agent);
  return agent;
};
afterEach(async () => {
  await Promise.all(running.map((agent) => agent.cleanup()));
  running = [];
});

describe.skipIf(!onUnix)('startAgentServer on a Unix socket', () => {
  it('answers a hello with its name, then serves requests with the id echoed and v on every answer', async () => {
    const { socketPath, token } = await start();
    const client = await connectClient(socketPath);
    client.send({ id: 1, type: 'hello', client: 'grid-bot', token });
    expect(await client.next()).toEqual({ v: 1, id: 1, type: 'hello', ok: true, agent: 'barong-vault test' });
    client.send({ id: 'two', type: 'status' });
    expect(await client.next()).toEqual({ v: 1, id: 'two', type: 'status', ok: true, locked: false, clients: ['grid-bot'], keys: 0 });
    client.send({ type: 'sign', key: 'main', method: 'GET', path: '/api/v2/peatio/account/balances' });
    expect(await client.next()).toEqual({
      v: 1,
      type: 'error',
      ok: false,
      error: { code: 'agent.unknown_key', message: 'grid-bot: GET /api/v2/peatio/account/balances with main' },
    });
  });

  it('serves one request at a time per connection, in the order sent, while connections are served side by side', async () => {
    const held = heldService();
    const { helloClient } = await start({ service: held.service });
    const first = await helloClient('first');
    const second = await helloClient('second');
    for (const id of [1, 2, 3]) first.send({ id, type: 'status' });
    second.send({ id: 'x', type: 'keys' });
    await until(() => held.asked.length === 2, 'one request of each connection');
    // The second connection is not held up by the first one's waiting request.
    expect(held.asked.map(({ request }) => request.id)).toEqual([1, 'x']);
    held.asked[1]?.release({ type: 'keys', ok: true, keys: [] });
    expect(await second.next()).toMatchObject({ id: 'x', type: 'keys' });
    held.asked[0]?.release();
    await until(() => held.asked.length === 3, 'the next request');
    held.asked[2]?.release();
    await until(() => held.asked.length === 4, 'the last request');
    held.asked[3]?.release();
    expect([await first.next(), await first.next(), await first.next()].map((answer) => answer.id)).toEqual([1, 2, 3]);
    expect(held.mostInFlight()).toBe(2);
  });

  it('lists the clients that said hello, and tells the app when one comes or goes', async () => {
    const changes: ClientInfo[][] = [];
    const { agent, socketPath, helloClient } = await start({ onClientsChanged: (clients) => changes.push(clients) });
    const before = Date.now();
    const bot = await helloClient('grid-bot');
    const silent = await connectClient(socketPath);
    expect(agent.clients()).toEqual([{ name: 'grid-bot', connectionId: expect.any(Number), connectedAt: expect.any(Number) }]);
    expect(agent.clients()[0]?.connectedAt).toBeGreaterThanOrEqual(before);
    await helloClient('cron: balances');
    expect(agent.clients().map((client) => client.name)).toEqual(['grid-bot', 'cron: balances']);
    bot.socket.destroy();
    silent.socket.destroy();
    await until(() => changes.length === 3, 'the departure');
    expect(changes.map((clients) => clients.map((client) => client.name))).toEqual([['grid-bot'], ['grid-bot', 'cron: balances'], ['cron: balances']]);
    expect(agent.clients().map((client) => client.name)).toEqual(['cron: balances']);
  });

  it('serves the requests of one read only once all of them are read, each with the moment it was read', async () => {
    const calls: Array<{ id: unknown; readAt: number | undefined; servedAt: number }> = [];
    const { helloClient } = await start({
      service: {
        handle: async (request, client, readAt) => {
          calls.push({ id: request.id, readAt, servedAt: performance.now() });
          return echoService.handle(request, client);
        },
      },
    });
    const client = await helloClient();
    client.write([1, 2, 3].map((id) => `{"v":1,"id":${id},"type":"status"}\n`).join(''));
    for (const id of [1, 2, 3]) expect(await client.next()).toMatchObject({ id, type: 'status' });
    expect(calls.map(({ id }) => id)).toEqual([1, 2, 3]);
    // One look at the vault may then answer all three (agent-service.ts): none was read after the first was served.
    const lastRead = Math.max(...calls.map(({ readAt }) => readAt ?? Number.POSITIVE_INFINITY));
    expect(calls[0]?.servedAt).toBeGreaterThan(lastRead);
  });

  it('answers a service failure with internal, in words, and never its message or stack', async () => {
    const warnings: LogFields[] = [];
    const { helloClient } = await start({
      logger: { info: () => undefined, warn: (_event, fields = {}) => warnings.push(fields) },
      service: {
        handle: async (request) => {
          if (request.type === 'keys') throw new Error('sqlite: no such table keys at /home/alice/vault.db');
          if (request.type === 'status') throw new AppError('vault.locked');
          return { type: 'sign', ok: true, secret: 'x'.repeat(64) } as unknown as AnswerBody;
        },
      },
    });
    const client = await helloClient();
    client.send({ id: 1, type: 'keys' });
    const failed = await client.next();
    expect(failed).toEqual({ v: 1, id: 1, type: 'error', ok: false, error: { code: 'internal', message: expect.stringMatching(/^Something went wrong/) } });
    expect(JSON.stringify(failed)).not.toMatch(/sqlite|vault\.db|at /);
    // The app's own errors carry a code and words meant for the trader: they pass.
    client.send({ id: 2, type: 'status' });
    expect(await client.next()).toMatchObject({ id: 2, error: { code: 'vault.locked', message: 'The vault is locked: unlock it first.' } });
    // An answer the wire does not describe (here with a field it does not name) never leaves.
    client.send({ id: 3, type: 'sign', key: 'k', method: 'GET', path: '/x' });
    const refused = await client.next();
    expect(refused).toMatchObject({ id: 3, error: { code: 'internal' } });
    expect(JSON.stringify(refused)).not.toContain('xxxx');
    expect(JSON.stringify(warnings)).not.toMatch(/sqlite|vault\.db|xxxx/);
    expect(warnings.map((fields) => fields.request)).toEqual(['keys', 'sign']);
  });

  it('answers everything a shell pipe sent before it closed its side, then closes', async () => {
    const { socketPath, token } = await start();
    const client = await connectClient(socketPath);
    client.write(`{"v":1,"type":"hello","client":"cron","token":"${token}"}\n{"v":1,"id":7,"type":"status"}\n`);
    client.socket.end();
    expect(await client.next()).toMatchObject({ type: 'hello', ok: true });
    expect(await client.next()).toMatchObject({ id: 7, type: 'status' });
    await client.closed;
  });

  it('drops a client idle for longer than the idle limit, but not while its request is being served', async () => {
    const held = heldService();
    const { helloClient } = await start({ service: held.service, limits: { idleTimeoutMs: 200 } });
    const busy = await helloClient('waiting for the owner');
    busy.send({ id: 1, type: 'status' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(busy.isClosed()).toBe(false);
    held.asked[0]?.release();
    expect(await busy.next()).toMatchObject({ id: 1 });
    const idleSince = Date.now();
    await busy.closed;
    expect(Date.now() - idleSince).toBeGreaterThanOrEqual(150);
  });

  it('creates its folder 0700 and its socket 0600, and writes a fresh 64-hex token 0600 at each start', async () => {
    const first = await start();
    expect(mode(join(first.dir, 'agent'))).toBe(0o700);
    expect(statSync(first.socketPath).isSocket()).toBe(true);
    expect(mode(first.socketPath)).toBe(0o600);
    expect(first.token).toMatch(/^[0-9a-f]{64}$/);
    expect(mode(first.tokenFile)).toBe(0o600);
    const { socketPath, tokenFile } = first;
    await first.agent.close();
    const second = await start({ socketPath, tokenFile });
    expect(second.token).toMatch(/^[0-9a-f]{64}$/);
    expect(second.token).not.toBe(first.token);
  });

  it('replaces a token file others could read with one they cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'barong-agent-data-'));
    const tokenFile = join(dir, 'agent.token');
    writeFileSync(tokenFile, 'f'.repeat(64));
    chmodSync(tokenFile, 0o644);
    const { token } = await start({ tokenFile });
    expect(token).not.toBe('f'.repeat(64));
    expect(mode(tokenFile)).toBe(0o600);
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves nothing on disk after close: no socket, no token, an empty folder; clients are told it stopped', async () => {
    const { agent, dir, socketPath, tokenFile, helloClient } = await start();
    const client = await helloClient();
    await agent.close();
    expect(await client.next()).toEqual({ v: 1, type: 'error', ok: false, error: { code: 'agent.stopped', message: 'The signing agent stopped.' } });
    await client.closed;
    expect(existsSync(socketPath)).toBe(false);
    expect(existsSync(tokenFile)).toBe(false);
    expect(readdirSync(join(dir, 'agent'))).toEqual([]);
    await agent.close();
  });

  it('removes the socket an agent that died left behind, and starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'barong-agent-stale-'));
    mkdirSync(join(dir, 'agent'), { mode: 0o700 });
    const socketPath = join(dir, 'agent', 'agent.sock');
    const dead = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(process.argv[1], () => console.log('listening'))`, socketPath]);
    await new Promise((resolve) => dead.stdout.once('data', resolve));
    dead.kill('SIGKILL');
    await new Promise((resolve) => dead.once('exit', resolve));
    expect(statSync(socketPath).isSocket()).toBe(true);

    const { helloClient } = await start({ socketPath });
    const client = await helloClient();
    client.send({ type: 'status' });
    expect(await client.next()).toMatchObject({ type: 'status', ok: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses in words to start where another agent answers, leaving that agent and its token alone', async () => {
    const live = await start();
    await expect(start({ socketPath: live.socketPath, tokenFile: live.tokenFile })).rejects.toThrow(
      `Another signing agent is already answering at ${live.socketPath}: stop it first, or give this one another socket path.`,
    );
    expect(readFileSync(live.tokenFile, 'utf8')).toBe(live.token);
    const client = await live.helloClient();
    client.send({ type: 'status' });
    expect(await client.next()).toMatchObject({ type: 'status' });
  });

  it('refuses in words a socket path that is not a socket, a folder open to others, one of another user, and a path too long', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'barong-agent-refused-'));
    const folder = join(dir, 'agent');
    mkdirSync(folder, { mode: 0o700 });
    writeFileSync(join(folder, 'agent.sock'), 'a file');
    await expect(start({ socketPath: join(folder, 'agent.sock') })).rejects.toThrow(/is there and is not a socket: the agent leaves it alone/);
    expect(readFileSync(join(folder, 'agent.sock'), 'utf8')).toBe('a file');

    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o750);
    await expect(start({ socketPath: join(open, 'agent.sock') })).rejects.toThrow(
      `The folder ${open} is open to other users (mode 0750), so the agent will not put its socket in it: make it private (chmod 700) or remove it.`,
    );
    expect(existsSync(join(open, 'agent.sock'))).toBe(false);

    await expect(start({ socketPath: join(dir, 'x'.repeat(120), 'agent.sock') })).rejects.toThrow(/bytes long, and this system takes at most 10[37]/);
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a folder that belongs to another user (needs root, to give it away)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'barong-agent-owner-'));
    const theirs = join(dir, 'theirs');
    mkdirSync(theirs, { mode: 0o700 });
    chownSync(theirs, 65534, 65534);
    await expect(start({ socketPath: join(theirs, 'agent.sock') })).rejects.toThrow(`The folder ${theirs} belongs to another user (uid 65534)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it("echoes the request's id and the wire's version, whatever the service's answer carries", async () => {
    const { helloClient } = await start({
      service: { handle: async () => ({ type: 'keys', ok: true, keys: [], id: 'forged', v: 1 }) as AnswerBody },
    });
    const client = await helloClient();
    client.send({ id: 41, type: 'keys' });
    expect(await client.next()).toEqual({ v: 1, id: 41, type: 'keys', ok: true, keys: [] });
    client.send({ type: 'keys' });
    expect(await client.next()).toEqual({ v: 1, type: 'keys', ok: true, keys: [] });
  });

  it('answers the hello itself: the service sees only what follows', async () => {
    const asked: string[] = [];
    const { helloClient } = await start({
      service: {
        handle: async (request, client) => {
          asked.push(request.type);
          return echoService.handle(request, client);
        },
      },
    });
    const client = await helloClient();
    client.send({ type: 'status' });
    await client.next();
    expect(asked).toEqual(['status']);
  });
});
