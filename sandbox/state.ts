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
}

/** Everything one server instance holds; nothing is shared between instances. */
export interface SandboxState {
  config: SandboxConfig;
  users: UserStore;
  sessions: SessionStore;
  apiKeys: ApiKeyStore;
  exchange: Exchange;
}

export const createState = (config: SandboxConfig): SandboxState => ({
  config,
  users: new UserStore(),
  sessions: new SessionStore(config.sessionExpireS),
  apiKeys: new ApiKeyStore(),
  exchange: new Exchange(),
});
