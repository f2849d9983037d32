import type { HttpMethod, JsonValue } from '../../app/commands/request';
import type { KeyPolicy } from '../../app/domain/agent-policy';
import type { KeyOrigin, RemoteState } from '../../app/domain/remote-keys';

/** What the vault holds, as the rest of the app sees it: never a secret or a 2FA seed. */

export type { KeyOrigin, RemoteState };

export interface Account {
  id: string;
  name: string;
  baseUrl: string;
  nonceLifetimeMs: number;
  loginEmail: string | null;
  notes: string | null;
  color: string | null;
  sortOrder: number;
  hasTotpSeed: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A key as the accounts list names it: enough to show and search it, nothing secret. */
export interface KeyName {
  kid: string;
  label: string;
}

export interface AccountSummary extends Account {
  /** In the order of the account's key list. */
  keys: KeyName[];
  /** When one of its keys last signed (ms since the epoch), for "recently used first"; null if none has. */
  lastUsedAt: number | null;
}

export interface ApiKey {
  id: string;
  accountId: string;
  kid: string;
  label: string;
  algorithm: 'HS256';
  scopes: string[];
  remoteState: RemoteState;
  origin: KeyOrigin;
  createdAt: number;
  lastUsedAt: number | null;
  /** What local programs may sign with it; DEFAULT_POLICY (no agent use) until the owner sets one. */
  policy: KeyPolicy;
}

/** A key as the signing agent sees it: its names, where it signs, and its policy; never its secret. */
export interface AgentKeyEntry {
  keyId: string;
  label: string;
  kid: string;
  /** `origin` is the base URL's, read once with the keys: what the agent asks the key to sign for. */
  account: { id: string; name: string; baseUrl: string; origin: string; nonceLifetimeMs: number };
  policy: KeyPolicy;
}

/** What the signing agent did with one request for a key, as its audit row records it; never the headers. */
export interface AgentUse {
  keyId: string;
  client: string;
  method: string;
  path: string;
  outcome: string;
}

/** A use with the moment the agent answered it (ms since the epoch), which its row keeps. */
export type TimedAgentUse = AgentUse & { at: number };

export interface AuditEntry {
  id: number;
  at: number;
  action: string;
  accountId: string | null;
  keyId: string | null;
  kid: string | null;
  method: string | null;
  path: string | null;
  status: number | null;
  outcome: string | null;
}

/** A create-key request that was sent (or about to be) and whose answer is not in the vault. */
export interface PendingKeyCreation {
  id: string;
  accountId: string;
  label: string;
  scopes: string[];
  startedAt: number;
}

/** A request the trader saved under a name for an account: what the signer would sign or send. */
export interface SavedRequest {
  id: string;
  accountId: string;
  /** Unique within the account. */
  name: string;
  request: {
    method: HttpMethod;
    path: string;
    query: Array<[string, string]>;
    /** Absent when the request has no body. */
    body?: JsonValue;
  };
  /** When it was saved (or last replaced under its name), ms since the epoch. */
  savedAt: number;
}
