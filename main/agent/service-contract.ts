import type { AgentRequest, AnswerBody, HelloRequest } from '../../app/agent/wire';

/** What a client asks once it has said hello: the transport answers the hello itself. */
export type ServiceRequest = Exclude<AgentRequest, HelloRequest>;

/** Who asks: the name the client gave in its hello, and its connection, unique while the agent runs. */
export interface ServedClient {
  name: string;
  connectionId: number;
}

/** A client the agent is serving, as the app lists them. */
export interface ClientInfo extends ServedClient {
  /** When the client connected, in ms since the epoch. */
  connectedAt: number;
}

/**
 * What the transport asks of the agent's service (agent-service.ts: keys, policy, budget,
 * approval, audit). It is called one request at a time per connection, in the order the client
 * sent them; its answer leaves only if it fits the wire's answer schema.
 *
 * `readAt` is when the transport read the request (`performance.now()`): what the service read
 * from the vault after that moment may answer it, so that requests read together share one look
 * at the vault. Without it, the service looks again.
 */
export interface AgentService {
  handle(request: ServiceRequest, client: ServedClient, readAt?: number): Promise<AnswerBody>;
}
