import { chmod, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { AppError } from '../../../app/app-error';
import type { Logger } from '../../logging/logger';
import { createAfterReads } from './after-reads';
import { serveConnection } from './agent-connection';
import type { AgentConnection, ConnectionContext } from './agent-connection';
import { DEFAULT_AGENT_LIMITS } from './agent-limits';
import type { AgentLimits } from './agent-limits';
import type { AgentService, ClientInfo } from '../service-contract';
import { agentTokenCheck, newAgentToken, writeAgentToken } from './agent-token';
import { endWith } from './socket-ends';
import { anotherAgentWords, prepareSocketFolder } from './socket-folder';
import { answerLine, refusalBody } from './wire-lines';

export interface AgentServerOptions {
  /** A Unix socket path, or on Windows a named pipe (`\\.\pipe\...`): see defaultAgentSocket. */
  socketPath: string;
  /** Where the token goes for clients to read: `<dataDir>/agent.token`. */
  tokenFile: string;
  service: AgentService;
  /** What the hello answers, such as "barong-vault 0.1.0". */
  agentName: string;
  logger: Logger;
  limits?: Partial<AgentLimits>;
  /** Called with every client that has said hello, when one says hello and when one leaves. */
  onClientsChanged?: (clients: ClientInfo[]) => void;
  /** Called when a connection is refused and closed (a wrong or missing token, no hello, garbage), for the owner's audit. */
  onRefused?: ConnectionContext['onRefused'];
}

export interface AgentServer {
  socketPath: string;
  tokenFile: string;
  /** The clients that have said hello and are still connected, oldest first. */
  clients(): ClientInfo[];
  /** Tells every client the agent stopped, closes, and removes the socket and the token file. */
  close(): Promise<void>;
}

/**
 * The signing agent's transport: a socket only this user can reach, a token only this user can
 * read, and per connection the line protocol of app/agent/wire.ts (agent-connection.ts).
 *
 * Windows: the socket is a named pipe, which has no file to place, chmod or clear; a second agent
 * on the same pipe fails to listen. That path cannot be tested here, and is kept to those two
 * branches.
 */
export async function startAgentServer(options: AgentServerOptions): Promise<AgentServer> {
  const { socketPath, tokenFile, logger } = options;
  const limits: AgentLimits = { ...DEFAULT_AGENT_LIMITS, ...options.limits };
  const onUnix = process.platform !== 'win32';
  if (onUnix) await prepareSocketFolder(socketPath);

  const token = newAgentToken();
  const isToken = agentTokenCheck(token);
  const connections = new Map<number, AgentConnection>();
  const clients = new Map<number, ClientInfo>();
  const listClients = () => [...clients.values()].map((client) => ({ ...client }));
  const clientsChanged = () => {
    try {
      options.onClientsChanged?.(listClients());
    } catch (error) {
      // It runs inside the socket's events, where a throw would take the whole app down.
      logger.warn('agent.clients_listener_failed', { error: error instanceof Error ? error.name : typeof error });
    }
  };
  let lastConnectionId = 0;
  const afterReads = createAfterReads();

  const server = createServer({ allowHalfOpen: true }, (socket) => {
    const connectionId = ++lastConnectionId;
    if (connections.size >= limits.maxConnections) {
      logger.warn('agent.too_many_clients', { connectionId, connections: connections.size });
      socket.on('error', () => undefined);
      return endWith(socket, answerLine(undefined, refusalBody('agent.too_many_clients')), limits.closeGraceMs);
    }
    const onHello = (client: ClientInfo) => {
      clients.set(connectionId, client);
      clientsChanged();
    };
    const onRefused: ConnectionContext['onRefused'] = (refusal) => {
      try {
        options.onRefused?.(refusal);
      } catch {
        // The audit failing must not take the agent down; the log line already tells.
      }
    };
    connections.set(
      connectionId,
      serveConnection(socket, {
        connectionId,
        agentName: options.agentName,
        limits,
        service: options.service,
        logger,
        isToken,
        afterReads,
        onHello,
        onRefused,
      }),
    );
    socket.once('close', () => {
      connections.delete(connectionId);
      if (clients.delete(connectionId)) clientsChanged();
    });
  });

  /** Stops taking connections, tells each client, and lets go of the socket once all are closed. */
  const shutDown = async () => {
    const serverClosed = new Promise((resolve) => server.close(resolve));
    for (const connection of connections.values()) connection.stop();
    await serverClosed;
    if (onUnix) await rm(socketPath, { force: true });
  };

  await listen(server, socketPath);
  // Failing to accept one connection (out of file descriptors) must not take the app down.
  server.on('error', (error: NodeJS.ErrnoException) => logger.warn('agent.accept_failed', { code: error.code ?? null }));
  try {
    // Listening created the socket with the umask's mode; until this chmod the private folder is what keeps others out.
    if (onUnix) await chmod(socketPath, 0o600);
    // Written only once this agent holds the socket, so that starting a second agent never spoils a running one's token.
    await writeAgentToken(tokenFile, token);
  } catch (error) {
    await shutDown();
    throw error;
  }
  logger.info('agent.started', { socket: socketPath });

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await shutDown();
      await rm(tokenFile, { force: true });
      logger.info('agent.stopped', { socket: socketPath });
    })());

  return { socketPath, tokenFile, clients: listClients, close };
}

function listen(server: Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('internal', anotherAgentWords(socketPath))
          : new AppError('internal', `The agent could not listen at ${socketPath} (${error.code ?? error.message}).`),
      );
    server.once('error', fail);
    server.listen(socketPath, () => {
      server.off('error', fail);
      resolve();
    });
  });
}
