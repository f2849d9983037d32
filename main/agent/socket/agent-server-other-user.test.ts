import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAgent } from './tests/agent-test-client';
import type { TestAgent } from './tests/agent-test-client';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
if (!isRoot) console.log('Skipped: another user is played by switching to uid 65534, which only root may do.');

/** What uid 65534 gets trying to connect to the socket and to read each file: "ok" or the error code. */
function asNobody(socketPath: string, files: string[]): Promise<{ connect: string; read: string[] }> {
  const script = `
    const [socketPath, ...files] = process.argv.slice(1);
    const read = files.map((file) => { try { require('node:fs').readFileSync(file); return 'ok'; } catch (error) { return error.code; } });
    const socket = require('node:net').connect(socketPath);
    const report = (connect) => { console.log(JSON.stringify({ connect, read })); process.exit(0); };
    socket.once('connect', () => report('ok'));
    socket.once('error', (error) => report(error.code));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, socketPath, ...files], { uid: NOBODY, gid: NOBODY, cwd: '/', stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => resolve(JSON.parse(output) as { connect: string; read: string[] }));
  });
}

describe.skipIf(!isRoot || process.platform === 'win32')('another user on the same computer', () => {
  let dir: string;
  let agent: TestAgent;
  let readable: string;

  beforeAll(async () => {
    // Everything around the agent's own folder and token is open to all, so that only their own modes stand in the way.
    dir = mkdtempSync(join(tmpdir(), 'barong-agent-nobody-'));
    chmodSync(dir, 0o755);
    const data = join(dir, 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    readable = join(data, 'readable');
    writeFileSync(readable, 'anyone may read this');
    chmodSync(readable, 0o644);
    agent = await startTestAgent({ socketPath: join(dir, 'agent', 'agent.sock'), tokenFile: join(data, 'agent.token') });
  });
  afterAll(async () => {
    await agent.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('can neither connect to the socket nor read the token', async () => {
    // The file beside the token shows the other user does reach the folder: the token's own mode stops it.
    expect(await asNobody(agent.socketPath, [readable, agent.tokenFile])).toEqual({ connect: 'EACCES', read: ['ok', 'EACCES'] });
  });

  it("cannot connect even once the socket's folder is opened to all: the socket's own mode stops it", async () => {
    chmodSync(join(dir, 'agent'), 0o755);
    try {
      expect((await asNobody(agent.socketPath, [])).connect).toBe('EACCES');
    } finally {
      chmodSync(join(dir, 'agent'), 0o700);
    }
  });
});
