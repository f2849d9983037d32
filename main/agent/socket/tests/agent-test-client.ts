import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WIRE_VERSION } from '../../../../app/agent/wire-constants';
import { silentLogger } from '../../../logging/logger';
import type { AgentLimits } from '../agent-limits';
import { startAgentServer } from '../agent-server';
import type { AgentServer, AgentServerOptions } from '../agent-server';
import type { AgentService } from '../../service-contract';

export type Answer = Record<string, unknown> & { error?: { code: string; message: string } };

/** A client that speaks the wire by hand, as a script or an attacker would. */
export interface TestClient {
  socket: Socket;
  /** Sends a message as one JSON line; `v` is added unless given. */
  send(message: Record<string, unknown>): void;
  /** Writes bytes exactly as given. */
  write(raw: string | Buffer): void;
  /** The next answer, parsed; rejects if the agent closes first. */
  next(): Promise<Answer>;
  /** Resolves when the connection is closed, by either side. */
  closed: Promise<void>;
  isClosed(): boolean;
}

export async function connectClient(socketPath: string): Promise<TestClient> {
  const socket = connect(socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  let text = '';
  let ended = false;
  const answers: Answer[] = [];
  const waiting: Array<{ resolve: (answer: Answer) => void; reject: (error: Error) => void }> = [];
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    text += chunk;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n')) {
      const answer = JSON.parse(text.slice(0, end)) as Answer;
      text = text.slice(end + 1);
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(answer);
      else answers.push(answer);
    }
  });
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      ended = true;
      for (const waiter of waiting.splice(0)) waiter.reject(new Error('The agent closed the connection before answering.'));
      resolve();
    }),
  );
  return {
    socket,
    send: (message) => void socket.write(`${JSON.stringify({ v: WIRE_VERSION, ...message })}\n`),
    write: (raw) => void socket.write(raw),
    next: () => {
      const answer = answers.shift();
      if (answer) return Promise.resolve(answer);
      if (ended) return Promise.reject(new Error('The connection is closed.'));
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    closed,
    isClosed: () => ended,
  };
}

/** Answers keys and status, and refuses every sign with words that echo what was asked. */
export const echoService: AgentService = {
  handle: async (request, client) => {
    if (request.type === 'status') return { type: 'status', ok: true, locked: false, clients: [client.name], keys: 0 };
    if (request.type === 'keys') return { type: 'keys', ok: true, keys: [] };
    return { type: 'error', ok: false, error: { code: 'agent.unknown_key', message: `${client.name}: ${request.method} ${request.path} with ${request.key}` } };
  },
};

/** Limits short enough for tests, each test overriding what it exercises. */
export const TEST_LIMITS: Partial<AgentLimits> = { helloTimeoutMs: 2_000, idleTimeoutMs: 10_000, closeGraceMs: 500 };

export interface TestAgent {
  agent: AgentServer;
  dir: string;
  socketPath: string;
  tokenFile: string;
  token: string;
  /** Connects and says hello with the right token. */
  helloClient(name?: string): Promise<TestClient>;
  cleanup(): Promise<void>;
}

export async function startTestAgent(options: Partial<AgentServerOptions> = {}): Promise<TestAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'barong-agent-'));
  const socketPath = options.socketPath ?? join(dir, 'agent', 'agent.sock');
  const tokenFile = options.tokenFile ?? join(dir, 'agent.token');
  const agent = await startAgentServer({
    service: echoService,
    agentName: 'barong-vault test',
    logger: silentLogger,
    ...options,
    limits: { ...TEST_LIMITS, ...options.limits },
    socketPath,
    tokenFile,
  });
  const token = readFileSync(tokenFile, 'utf8');
  const helloClient = async (name = 'test-bot') => {
    const client = await connectClient(socketPath);
    client.send({ type: 'hello', client: name, token });
    const answer = await client.next();
    if (answer.ok !== true) throw new Error(`hello refused: ${JSON.stringify(answer)}`);
    return client;
  };
  const cleanup = async () => {
    await agent.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { agent, dir, socketPath, tokenFile, token, helloClient, cleanup };
}

/** Polls until the condition holds, for what only shows over time (a drop, a backlog). */
export async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > timeoutMs) throw new Error(`Waited in vain for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
