import type { Socket } from 'node:net';
import { isAppError } from '../../../app/app-error';
import { agentAnswerSchema, agentRequestSchema, helloRequestSchema } from '../../../app/agent/wire';
import { WIRE_MAX_LINE_BYTES } from '../../../app/agent/wire-constants';
import type { AnswerBody } from '../../../app/agent/wire';
import type { ErrorCode } from '../../../app/errors/codes';
import type { Logger } from '../../logging/logger';
import type { AgentLimits } from './agent-limits';
import type { AgentService, ClientInfo, ServedClient, ServiceRequest } from '../service-contract';
import { drainedWithin, endWith } from './socket-ends';
import { createLineReader } from './line-reader';
import { answerLine, errorBody, idOf, parseLine, readRequest, refusalBody, tokenOf, typeOf, wireAnswer } from './wire-lines';
import type { ParsedLine, WireId } from './wire-lines';

export interface ConnectionContext {
  connectionId: number;
  agentName: string;
  limits: AgentLimits;
  service: AgentService;
  logger: Logger;
  isToken(candidate: unknown): boolean;
  /** The client said hello with the right token: from now on it is listed. */
  onHello(client: ClientInfo): void;
  /** Serves the connection's waiting requests once every connection's reads of this turn are done (after-reads.ts). */
  afterReads(serve: () => Promise<void>): void;
  /** The connection was refused and closed (a wrong token, no hello, a flood), with the reason in words: the owner's audit hears it. */
  onRefused(refusal: { code: ErrorCode; reason: string; client: string | null }): void;
}

export interface AgentConnection {
  /** The agent is stopping: tell the client, and close within the grace period. */
  stop(): void;
}

/** One answer to give, in the order the requests came: ready, or the service's to make. */
type Turn = { id: WireId; answer: AnswerBody } | { id: WireId; request: ServiceRequest; from: ServedClient; readAt: number };

/**
 * Serves one client: its hello, then its requests one at a time, in order. Everything a client can
 * do to hold the agent's memory or time is bounded here: a line's length, the requests waiting,
 * the answers it leaves unread, how long it may take to say hello or stay idle, how much garbage it
 * may send. Before a good hello, any other message closes the connection.
 */
export function serveConnection(socket: Socket, context: ConnectionContext): AgentConnection {
  const { connectionId, limits, logger } = context;
  const connectedAt = Date.now();
  let client: ClientInfo | null = null;
  let badMessages = 0;
  const queue: Turn[] = [];
  let serving = false;
  let inputEnded = false;
  let closing = false;
  let timer: NodeJS.Timeout | undefined;

  const clearTimer = () => clearTimeout(timer);
  const after = (ms: number, callback: () => void) => {
    clearTimer();
    timer = setTimeout(callback, ms);
  };

  const reader = createLineReader(
    WIRE_MAX_LINE_BYTES,
    (line) => onLine(parseLine(line)),
    () => refuse(undefined, 'agent.line_too_long', `At most ${WIRE_MAX_LINE_BYTES} bytes a line: the agent closes this connection.`, 'line too long'),
  );

  const logDrop = (reason: string) => logger.warn('agent.client_dropped', { connectionId, client: client?.name ?? null, reason });

  /** Cuts the connection without a word: the client is not reading anyway. */
  const drop = (reason: string) => {
    logDrop(reason);
    closing = true;
    reader.stop();
    socket.destroy();
  };

  const closeWith = (line: string) => {
    closing = true;
    reader.stop();
    endWith(socket, line, limits.closeGraceMs);
  };

  /** The client has sent all it will and every answer is written: close our side too, once it has read them. */
  const finish = () => {
    closing = true;
    socket.end();
    after(limits.idleTimeoutMs, () => drop('not reading its last answers'));
  };

  const refuse = (id: WireId, code: ErrorCode, detail: string | undefined, reason: string) => {
    if (closing) return;
    logDrop(reason);
    context.onRefused({ code, reason, client: client?.name ?? null });
    closeWith(answerLine(id, refusalBody(code, detail)));
  };

  // The answers of one turn of the event loop leave after every request read in it is served (the
  // ticks run once the serving's promises have settled), so that clients woken by them find
  // several at once: fewer wake-ups on both sides of the socket.
  const send = (id: WireId, body: AnswerBody) => {
    if (closing) return;
    if (!socket.writableCorked) {
      socket.cork();
      process.nextTick(() => socket.uncork());
    }
    socket.write(answerLine(id, body));
  };

  const onLine = (line: ParsedLine) => {
    if (closing) return;
    if (client === null) return readHello(line);
    if ('unreadable' in line) return badMessage(undefined, line.unreadable);
    const read = readRequest(line.json, agentRequestSchema);
    if ('unreadable' in read) return badMessage(idOf(line.json), read.unreadable);
    const { request } = read;
    if (request.type === 'hello') return badMessage(request.id, 'This connection has already said hello.');
    enqueue({ id: request.id, request, from: { name: client.name, connectionId }, readAt: performance.now() });
  };

  const readHello = (line: ParsedLine) => {
    if ('unreadable' in line) return refuse(undefined, 'agent.bad_message', line.unreadable, 'unreadable hello');
    const id = idOf(line.json);
    if (typeOf(line.json) !== 'hello') return refuse(id, 'agent.hello_first', undefined, 'request before hello');
    if (!context.isToken(tokenOf(line.json))) return refuse(id, 'agent.token_refused', undefined, 'wrong or missing token');
    const read = readRequest(line.json, helloRequestSchema);
    if ('unreadable' in read) return refuse(id, 'agent.bad_message', read.unreadable, 'unreadable hello');
    client = { name: read.request.client, connectedAt, connectionId };
    clearTimer();
    logger.info('agent.client_hello', { connectionId, client: client.name });
    context.onHello(client);
    enqueue({ id, answer: { type: 'hello', ok: true, agent: context.agentName } });
  };

  const badMessage = (id: WireId, detail: string) => {
    badMessages += 1;
    if (badMessages >= limits.maxBadMessages)
      return refuse(id, 'agent.bad_message', `${detail} Too many unreadable messages: the agent closes this connection.`, 'too many bad messages');
    enqueue({ id, answer: refusalBody('agent.bad_message', detail) });
  };

  // A client that sends faster than it is served is not read from until its queue shortens: what
  // it sends meanwhile waits in the system's socket buffer, not in the agent's memory.
  const enqueue = (turn: Turn) => {
    queue.push(turn);
    if (queue.length >= limits.maxQueuedRequests) socket.pause();
    // A request for the service waits for the turn's other reads (one look at the vault serves
    // them all); an answer of the connection's own, such as a refusal of garbage, leaves at once.
    if ('answer' in turn) void serve();
    else context.afterReads(serve);
  };

  const serve = async () => {
    if (serving) return;
    serving = true;
    clearTimer();
    for (let turn = queue.shift(); turn !== undefined && !closing; turn = queue.shift()) {
      if (socket.isPaused() && queue.length < limits.maxQueuedRequests) socket.resume();
      send(turn.id, 'answer' in turn ? turn.answer : await answerOf(turn.request, turn.from, turn.readAt));
      // Answers are written no faster than the client reads them; one that reads nothing is let go.
      if (socket.writableNeedDrain && socket.writableLength > limits.maxUnreadAnswerBytes && !(await drainedWithin(socket, limits.unreadAnswersTimeoutMs)))
        drop('not reading its answers');
    }
    serving = false;
    if (closing) return;
    // A client that has said all it had to say (a shell pipe) is answered in full, then let go.
    if (inputEnded) finish();
    else after(limits.idleTimeoutMs, () => drop('idle'));
  };

  const answerOf = async (request: ServiceRequest, from: ServedClient, readAt: number): Promise<AnswerBody> => {
    try {
      const answer = await context.service.handle(request, from, readAt);
      const fits = (answer.type === request.type || answer.type === 'error') && agentAnswerSchema.safeParse(wireAnswer(request.id, answer)).success;
      if (fits) return answer;
      logger.warn('agent.answer_refused', { connectionId, request: request.type, answer: String(answer.type) });
    } catch (error) {
      // The code and words of the app's own errors are written for the trader; anything else may
      // carry internals, and goes no further than its name in the log.
      if (isAppError(error)) return errorBody(error.code, error.message);
      logger.warn('agent.service_failed', { connectionId, request: request.type, error: error instanceof Error ? error.name : typeof error });
    }
    return refusalBody('internal');
  };

  socket.on('data', (chunk: Buffer) => reader.push(chunk));
  socket.on('end', () => {
    inputEnded = true;
    if (!serving && !closing) finish();
  });
  // Resets and broken pipes are how clients leave; 'close' follows and cleans up.
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closing = true;
    clearTimer();
    reader.stop();
  });
  after(limits.helloTimeoutMs, () =>
    refuse(
      undefined,
      'agent.hello_first',
      `No hello came within ${limits.helloTimeoutMs / 1000} seconds: the agent closes this connection.`,
      'no hello in time',
    ),
  );

  return {
    // A connection already on its way out is cut: the agent does not wait for its client to read.
    stop: () => (closing ? socket.destroy() : closeWith(answerLine(undefined, refusalBody('agent.stopped')))),
  };
}
