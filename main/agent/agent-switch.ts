import { isAppError } from '../../app/app-error';
import type { Logger } from '../logging/logger';
import { startAgentServer } from './socket/agent-server';
import type { AgentServer } from './socket/agent-server';
import type { AgentService, ClientInfo } from './service-contract';

export interface AgentSwitchOptions {
  socketPath: string;
  tokenFile: string;
  service: AgentService;
  /** What the hello answers, such as "Barong Vault 0.1.0". */
  agentName: string;
  logger: Logger;
  /** Where the owner's choice is kept (the vault), readable while the vault is locked. */
  choice: { enabled(): boolean; setEnabled(enabled: boolean): void };
  /** Every program connected now, each time one connects or leaves, and [] when the agent stops. */
  onClientsChanged(clients: ClientInfo[]): void;
}

export interface AgentSwitchStatus {
  enabled: boolean;
  running: boolean;
  /** Why an agent that is on does not serve, in words; null otherwise. */
  problem: string | null;
  socket: string;
  tokenFile: string;
  clients: ClientInfo[];
}

export interface AgentSwitch {
  status(): AgentSwitchStatus;
  /** On: serves, then remembers (a socket another agent holds is refused and nothing is remembered). Off: remembers, then stops. */
  setEnabled(enabled: boolean): Promise<void>;
  /** At the app's start: serves if the owner left the agent on. A failure becomes `problem`, not a throw: the app starts anyway. */
  resume(): Promise<void>;
  /** On quit: stops serving and keeps the owner's choice for the next start. */
  stop(): Promise<void>;
}

/**
 * The app's signing agent, on and off by the owner's choice: one server at a time on the given
 * socket, its token in the given file. Changes run one after another, so that two quick clicks
 * never start two servers on one socket.
 */
export function createAgentSwitch(options: AgentSwitchOptions): AgentSwitch {
  const { socketPath, tokenFile, logger } = options;
  let server: AgentServer | undefined;
  let problem: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(change: () => Promise<T>): Promise<T> => {
    const run = queue.then(change);
    queue = run.catch(() => undefined);
    return run;
  };

  const serve = async () => {
    if (server) return;
    server = await startAgentServer({
      socketPath,
      tokenFile,
      service: options.service,
      agentName: options.agentName,
      logger,
      onClientsChanged: options.onClientsChanged,
    });
    problem = null;
  };
  const stopServing = async () => {
    const stopping = server;
    server = undefined;
    if (!stopping) return;
    await stopping.close();
    options.onClientsChanged([]);
  };

  return {
    status: () => ({
      enabled: options.choice.enabled(),
      running: server !== undefined,
      problem: options.choice.enabled() && !server ? problem : null,
      socket: socketPath,
      tokenFile,
      clients: server?.clients() ?? [],
    }),
    setEnabled: (enabled) =>
      inTurn(async () => {
        if (enabled) await serve();
        if (options.choice.enabled() !== enabled) options.choice.setEnabled(enabled);
        if (!enabled) await stopServing();
      }),
    resume: () =>
      inTurn(async () => {
        if (!options.choice.enabled()) return;
        try {
          await serve();
        } catch (error) {
          problem = isAppError(error) ? error.message : 'The signing agent could not start.';
          logger.warn('agent.resume_failed', { code: isAppError(error) ? error.code : 'internal' });
        }
      }),
    stop: () => inTurn(stopServing),
  };
}
