import { AppError } from '../../../app/app-error';
import type { Logger } from '../../logging/logger';
import { auditGateRefusals, serviceSigner } from './proxy-over-service';
import type { AgentService } from '../service-contract';
import { startSigningProxy } from './signing-proxy';
import type { SigningProxy } from './signing-proxy';

/** A proxy the app runs for one key; `url` holds its token: shown to the owner, never logged. */
export interface RunningProxy {
  keyId: string;
  url: string;
  port: number;
}

export interface ProxyStart {
  keyId: string;
  /** The key's account base URL. */
  upstream: string;
  /** The kid the agent's service knows the key by. */
  kid: string;
  /** Any free port when absent. */
  port?: number;
}

export interface KeyProxiesOptions {
  service: AgentService;
  /** The name the proxies sign as: what the audit log and the owner's approval dialog show. */
  clientName: string;
  /** Audits what a proxy's gate refused before any key was asked for (core.agent.recordRefusal). */
  recordRefusal: Parameters<typeof auditGateRefusals>[0];
  logger: Logger;
}

export interface KeyProxies {
  /** Starts the key's proxy, or answers the one already running for it. */
  start(request: ProxyStart): Promise<RunningProxy>;
  stop(keyId: string): Promise<void>;
  list(): RunningProxy[];
  /** The running proxy's url, or proxy.not_running. */
  url(keyId: string): string;
  stopAll(): Promise<void>;
}

/** The app's signing proxies, at most one per key, each signing through the agent's service. */
export function createKeyProxies(options: KeyProxiesOptions): KeyProxies {
  const running = new Map<string, SigningProxy | Promise<SigningProxy>>();
  const client = { name: options.clientName, connectionId: 0 };
  const onRefusal = auditGateRefusals(options.recordRefusal, options.clientName);
  const listed = () => [...running].flatMap(([keyId, proxy]) => ('url' in proxy ? [{ keyId, url: proxy.url, port: proxy.port }] : []));

  const stop = async (keyId: string) => {
    const proxy = running.get(keyId);
    running.delete(keyId);
    await (await proxy)?.close();
  };

  return {
    start: async ({ keyId, upstream, kid, port }) => {
      // A start already under way is awaited rather than doubled: two clicks, one proxy.
      const starting =
        running.get(keyId) ??
        startSigningProxy({
          upstream,
          signer: serviceSigner(options.service, kid, client),
          logger: options.logger,
          onRefusal,
          ...(port === undefined ? {} : { port }),
        }).catch((error: unknown) => {
          running.delete(keyId);
          throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
            ? new AppError('proxy.port_in_use', `Another program already listens on port ${port}: choose another, or leave the port empty for any free one.`)
            : error;
        });
      running.set(keyId, starting);
      const proxy = await starting;
      if (running.get(keyId) === starting) running.set(keyId, proxy);
      return { keyId, url: proxy.url, port: proxy.port };
    },
    stop,
    list: listed,
    url: (keyId) => {
      const proxy = listed().find((candidate) => candidate.keyId === keyId);
      if (!proxy) throw new AppError('proxy.not_running', 'No signing proxy runs for this key: start one first.');
      return proxy.url;
    },
    stopAll: async () => {
      await Promise.all([...running.keys()].map(stop));
    },
  };
}
