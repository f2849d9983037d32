/** How much the agent gives each client before it hangs up: one place, injectable so that tests need not wait. */
export interface AgentLimits {
  /** Connections served at once, said hello or not; one more is answered agent.too_many_clients and closed. */
  maxConnections: number;
  /** How long a new connection has to say hello. */
  helloTimeoutMs: number;
  /** How long a client may send nothing while nothing of its is being served. */
  idleTimeoutMs: number;
  /** Unreadable messages a client may send after its hello; the last one closes the connection. */
  maxBadMessages: number;
  /** Requests waiting for their turn on one connection; beyond, the agent stops reading from it until they are served. */
  maxQueuedRequests: number;
  /** Answers a client has not read yet, in bytes: beyond, it is served nothing more until it reads. */
  maxUnreadAnswerBytes: number;
  /** How long a client may leave that much unread before it is taken for one that never reads, and dropped. */
  unreadAnswersTimeoutMs: number;
  /** How long a refused client gets to read its last answer before the connection is cut. */
  closeGraceMs: number;
}

export const DEFAULT_AGENT_LIMITS: Readonly<AgentLimits> = {
  maxConnections: 64,
  helloTimeoutMs: 5_000,
  idleTimeoutMs: 15 * 60_000,
  maxBadMessages: 10,
  maxQueuedRequests: 100,
  maxUnreadAnswerBytes: 1024 * 1024,
  unreadAnswersTimeoutMs: 30_000,
  closeGraceMs: 1_000,
};
