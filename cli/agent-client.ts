import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { AppError } from '../app/app-error';
import type { AgentAnswer, AgentKey, AnswerBody } from '../app/agent/wire';
import { WIRE_MAX_ANSWER_BYTES, WIRE_VERSION } from '../app/agent/wire-constants';
import type { HttpMethod } from '../app/commands/request';

/** Where a client finds the agent: the socket (or pipe) and the file that holds its token. */
export interface AgentAddress {
  socket: string;
  tokenFile: string;
}

export interface AgentConnection {
  keys(): Promise<AgentKey[]>;
  sign(request: { key: string; method: HttpMethod; path: string }): Promise<AnswerBody<'sign'>>;
  status(): Promise<AnswerBody<'status'>>;
  close(): void;
}

function readToken(tokenFile: string): string {
  try {
    return readFileSync(tokenFile, 'utf8').trim();
  } catch {
    throw new AppError(
      'agent.not_running',
      `No signing agent token at ${tokenFile}: start the agent (in the app's Settings, or barong-vault agent), or set BARONG_AGENT_TOKEN_FILE.`,
    );
  }
}

/**
 * The answer as the agent sent it. The CLI starts within a few milliseconds of a bare node, so
 * this reads only the fields it uses rather than loading the schema library: the agent built
 * each answer from app/agent/wire.ts, and anything unexpected is an error here.
 */
function readAnswer(line: string): AgentAnswer {
  let answer: unknown;
  try {
    answer = JSON.parse(line);
  } catch {
    throw new AppError('agent.bad_message', 'The agent answered something that is not JSON.');
  }
  if (typeof answer !== 'object' || answer === null || (answer as { v?: unknown }).v !== WIRE_VERSION) {
    throw new AppError('agent.bad_message', 'The agent speaks another version of the protocol: update barong-vault or the app.');
  }
  const { ok, error } = answer as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (ok === false)
    throw new AppError(
      typeof error?.code === 'string' ? error.code : 'agent.bad_message',
      typeof error?.message === 'string' ? error.message : 'The agent refused.',
    );
  return answer as AgentAnswer;
}

/** Connects, says hello with the client's name and the token, and asks one thing at a time. */
export async function connectAgent(address: AgentAddress, clientName: string): Promise<AgentConnection> {
  const token = readToken(address.tokenFile);
  const socket: Socket = await new Promise((resolve, reject) => {
    const opened = connect(address.socket);
    opened.once('connect', () => resolve(opened));
    opened.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          'agent.not_running',
          `No signing agent answers at ${address.socket} (${error.code ?? error.message}): start it in the app's Settings or with barong-vault agent, or set BARONG_AGENT.`,
        ),
      ),
    );
  });
  socket.setEncoding('utf8');

  let buffered = '';
  const waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  const fail = (error: Error) => waiting.splice(0).forEach((waiter) => waiter.reject(error));
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    if (buffered.length > WIRE_MAX_ANSWER_BYTES) {
      socket.destroy();
      fail(new AppError('agent.line_too_long', 'The agent sent an answer longer than a client reads.'));
      return;
    }
    for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      waiting.shift()?.resolve(line);
    }
  });
  socket.on('error', () => undefined);
  socket.on('close', () => fail(new AppError('agent.stopped', 'The signing agent closed the connection.')));

  const ask = <T extends AgentAnswer['type']>(type: T, fields: Record<string, unknown> = {}): Promise<Extract<AgentAnswer, { type: T }>> =>
    new Promise<string>((resolve, reject) => {
      waiting.push({ resolve, reject });
      // Requests asked in one turn of the event loop leave together (a program with several
      // connections, such as a bot's workers): the agent is woken once for all of them.
      if (!socket.writableCorked) {
        socket.cork();
        setImmediate(() => socket.uncork());
      }
      socket.write(`${JSON.stringify({ v: WIRE_VERSION, type, ...fields })}\n`);
    }).then((line) => {
      const answer = readAnswer(line);
      if (answer.type !== type) throw new AppError('agent.bad_message', `The agent answered "${answer.type}" to "${type}".`);
      return answer as Extract<AgentAnswer, { type: T }>;
    });

  try {
    await ask('hello', { client: clientName, token });
  } catch (error) {
    socket.destroy();
    throw error;
  }
  return {
    keys: async () => (await ask('keys')).keys,
    sign: (request) => ask('sign', request),
    status: () => ask('status'),
    close: () => socket.end(),
  };
}
