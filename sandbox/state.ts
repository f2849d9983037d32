import type { SecretShape } from './api-key-store';
import { ApiKeyStore } from './api-key-store';
import { Exchange } from './exchange';
import { SessionStore } from './sessions';
import { UserStore } from './users';

export interface SandboxConfig {
  nonceLifetimeMs: number;
  secretShape: SecretShape;
  sessionExpireS: number;
  captcha: boolean;
  maintenance: boolean;
  /** Added to this computer's clock to give the server's: simulates an exchange whose clock is off. */
  clockOffsetMs: number;
}

/** Everything one server instance holds; nothing is shared between instances. */
export interface SandboxState {
  config: SandboxConfig;
  /** The server's time in ms: every check and every time the sandbox shows goes through it. */
  now: () => number;
  users: UserStore;
  sessions: SessionStore;
  apiKeys: ApiKeyStore;
  exchange: Exchange;
}

export function createState(config: SandboxConfig): SandboxState {
  const now = () => Date.now() + config.clockOffsetMs;
  return {
    config,
    now,
    users: new UserStore(),
    sessions: new SessionStore(config.sessionExpireS, now),
    apiKeys: new ApiKeyStore(now),
    exchange: new Exchange(now),
  };
}
