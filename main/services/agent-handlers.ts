import { AppError } from '../../app/app-error';
import { keysNamed } from '../../app/agent/key-name';
import type { AgentSwitch } from '../agent/agent-switch';
import type { KeyProxies } from '../agent/proxy/key-proxies';
import { VaultError } from '../vault/vault-error';
import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

/** The app's signing agent and proxies, as the core runs them (built at first use). */
export interface AgentServers {
  agent: AgentSwitch;
  proxies: KeyProxies;
}

/**
 * The signing agent on and off, and a signing proxy per key. Turning the agent on and starting a
 * proxy are privileged (main/privilege has proved the owner before these run); turning off and
 * stopping take nothing away from the owner.
 */
export function agentHandlers({ vault, clipboard }: BackendParts, servers: () => AgentServers): HandlersOf<'agent'> {
  const status = () => {
    const { agent, proxies } = servers();
    const { clients, ...rest } = agent.status();
    return { ...rest, clients: clients.map(({ name, connectedAt }) => ({ name, connectedAt })), proxies: proxies.list() };
  };

  /** The key as the agent's service sees it: open to programs, and named by a kid no other key has. */
  const proxyTarget = (keyId: string) => {
    const keys = vault.agentKeys();
    const key = keys.find((candidate) => candidate.keyId === keyId);
    if (!key) throw new VaultError('vault.not_found', 'There is no such key in the vault.');
    if (!key.policy.agentUse)
      throw new AppError('proxy.key_closed', `${key.label || key.kid} is closed to local programs: choose what programs may sign with it first.`);
    if (keysNamed(keys, key.kid).length > 1)
      throw new AppError('agent.ambiguous_key', `Another key in the vault has the kid ${key.kid} too, so a proxy could not tell them apart.`);
    return { upstream: key.account.baseUrl, kid: key.kid };
  };

  return {
    'agent.status': async () => status(),
    'agent.setEnabled': async ({ enabled }) => {
      await servers().agent.setEnabled(enabled);
      return status();
    },
    'agent.startProxy': async ({ keyId, port }) => {
      const started = await servers().proxies.start({ keyId, ...proxyTarget(keyId), ...(port === undefined ? {} : { port }) });
      vault.recordProxySwitch(keyId, `signing proxy on port ${started.port}`);
      return status();
    },
    'agent.stopProxy': async ({ keyId }) => {
      const { proxies } = servers();
      if (proxies.list().some((proxy) => proxy.keyId === keyId)) {
        await proxies.stop(keyId);
        vault.recordProxySwitch(keyId, 'signing proxy stopped');
      }
      return status();
    },
    'agent.copyProxyUrl': async ({ keyId }) => {
      const url = servers().proxies.url(keyId);
      if (!clipboard) throw new AppError('clipboard.unavailable', 'There is no clipboard here to copy to: select the url and copy it yourself.');
      return { clearsInSeconds: await clipboard.copy(url, 'secret') };
    },
  };
}
