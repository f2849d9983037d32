import { mkdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_NAMES } from '../../app/contract/channels';
import type { ChannelName } from '../../app/contract/channels';
import type { EventName, EventPayload } from '../../app/contract/events';
import { defaultAgentSocket } from '../agent/socket/agent-location';
import { createAgentService } from '../agent/agent-service';
import { createAuditBatch } from '../agent/audit-batch';
import { createAgentSwitch } from '../agent/agent-switch';
import { AGENT_TOKEN_FILE } from '../agent/socket/agent-token';
import { createClientApprovals } from '../agent/client-approval';
import type { ApprovalPrompt } from '../agent/client-approval';
import { createKeyProxies } from '../agent/proxy/key-proxies';
import { createRequestBudget } from '../agent/request-budget';
import type { AgentService } from '../agent/service-contract';
import { createAutoLock } from '../auto-lock/auto-lock';
import type { AutoLock, LockReason } from '../auto-lock/auto-lock';
import { ExchangeClocks } from '../barong/clock/exchange-clocks';
import type { ExchangeHttpSettings } from '../barong/exchange-http-settings';
import type { HttpRequest, HttpResponse } from '../barong/http/send-http';
import { BarongSessions } from '../barong/session/barong-sessions';
import { systemClock } from '../barong/session/one-time-codes';
import type { CodeClock } from '../barong/session/one-time-codes';
import { userAgent } from '../barong/user-agent';
import { createClipboardCopier } from '../clipboard/clipboard-copier';
import type { ClipboardCopier, SystemClipboard } from '../clipboard/clipboard-copier';
import type { Logger } from '../logging/logger';
import type { OwnerPrompt } from '../privilege/owner-prompt';
import { createOwnerCheck } from '../privilege/prove-owner';
import { accountHandlers } from '../services/account-handlers';
import { agentHandlers } from '../services/agent-handlers';
import type { AgentServers } from '../services/agent-handlers';
import { auditHandlers } from '../services/audit-handlers';
import { backupHandlers } from '../services/backup-handlers';
import type { BackendParts } from '../services/backend-parts';
import { exchangeHandlers } from '../services/exchange-handlers';
import { keyHandlers } from '../services/key-handlers';
import { requestHandlers } from '../services/request-handlers';
import { serveChannels } from '../services/serve-channels';
import type { BackendChannels } from '../services/serve-channels';
import { settingsHandlers } from '../services/settings-handlers';
import { signerHandlers } from '../services/signer-handlers';
import { vaultHandlers } from '../services/vault-handlers';
import type { Timers } from '../timers/timers';
import type { KeychainWrapper } from '../vault/keychain-wrapper';
import { Vault } from '../vault/vault';
import type { ScryptCost } from '../vault/vault-access';
import { doorAllows } from './doors';
import type { DoorName } from './doors';
import { VAULT_FILE } from './vault-file';

export interface AppCoreOptions {
  /** The app's data folder; the vault file is created in it (0600, the folder 0700). */
  dataDir: string;
  /** Another vault file than the data folder's own (`barong-vault agent --vault FILE`). */
  vaultFile?: string;
  /** The OS keychain (safeStorage in the app); none in the CLI. */
  keychain?: KeychainWrapper;
  /** Main's native confirmation for privileged calls on a vault without a passphrase; none in the CLI. */
  ownerPrompt?: OwnerPrompt;
  /** The app's agent socket; the per-user default (defaultAgentSocket) unless a test gives one in its own folder. */
  agentSocket?: string;
  /** Main's question about a new program asking the agent to sign; none in the headless agent, where the key's policy alone decides. */
  agentApproval?: ApprovalPrompt;
  /** The OS clipboard; none in the CLI, where `signer.copy` answers `clipboard.unavailable`. */
  clipboard?: SystemClipboard;
  /** Time for the vault, the clocks and 2FA codes; tests pass one that moves when told. */
  clock?: CodeClock;
  /** Time for the auto-lock and the clipboard clearing; tests drive them with fake timers. */
  timers?: Timers;
  /** Locks after the idle setting; off in the CLI, which holds the vault only while a command runs. */
  autoLock?: boolean;
  /** The HTTP transport to exchanges; tests watch or alter requests with it. */
  http?: (request: HttpRequest) => Promise<HttpResponse>;
  appVersion: string;
  logger: Logger;
  /** Tests lower it; the app keeps the default (N = 2^17). */
  scryptCost?: ScryptCost;
  /** better-sqlite3's addon built for Electron's ABI; tests and the CLI load the default Node build. */
  nativeBinding?: string;
}

export interface SigningAgent {
  service: AgentService;
  /** Where `status` learns which programs are connected: the server that serves this service. */
  reportClients(clients: () => string[]): void;
  /** Audits what a door of the agent's (the proxy's gate) refused before any key was asked for. */
  recordRefusal(refusal: { client?: string; method?: string; path?: string; reason: string }): void;
}

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface AppCore {
  /** The channels a door may call: the others answer `door.channel_refused`, audited. Any input, a Result back, never a throw. */
  door(name: DoorName): BackendChannels;
  /** Events for the renderer (the Electron wiring forwards them with webContents.send). */
  onEvent(listener: EventListener): () => void;
  /** The shell reports user input and the machine going away here; the core itself tells it of unlocks and settings. */
  autoLock: AutoLock;
  /** The copier, so that quitting can clear a secret copy still on the clipboard. */
  clipboard: ClipboardCopier | undefined;
  /** The signing agent's service, for whoever serves it (the app's socket, `barong-vault agent`, the proxy). */
  agent: SigningAgent;
  /** The app's own agent socket and proxies, switched by the `agent.*` channels: the app resumes them at start and stops them on quit; the CLI never does. */
  agentServers: {
    /** Serves the agent if the owner left it on (answering `vault.locked` until the vault is unlocked). */
    resume(): Promise<void>;
    /** Stops the agent and every proxy, keeping the owner's choice for the next start. */
    stop(): Promise<void>;
  };
  lock(reason: LockReason | 'menu'): void;
  /** Locks (wiping the vault key and the sessions) and closes the vault file. */
  close(): void;
}

// Readable without the vault key: the lock screen, first run and the theme need them.
const OPEN_WHEN_LOCKED = new Set<ChannelName>(['vault.status', 'vault.create', 'vault.unlock', 'vault.lock', 'settings.get']);

/**
 * The one core behind every door (Electron's main, the browser harness, the CLI, the agent): the
 * vault, its exchange sessions, clocks and runner, the clipboard and the auto-lock, built once.
 * The vault reports its own unlocks, locks and settings, so no door can change them unseen.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const vault = Vault.open({
    path: options.vaultFile ?? join(options.dataDir, VAULT_FILE),
    now,
    ...(options.keychain ? { keychain: options.keychain } : {}),
    ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
  const send = options.http ? { send: options.http } : {};
  const http: ExchangeHttpSettings = { userAgent: userAgent(options.appVersion), logger: options.logger, ...send };
  const clocks = new ExchangeClocks({ http, now });
  const sessions = new BarongSessions({ vault, appVersion: options.appVersion, logger: options.logger, clock, ...send });
  const timers = options.timers ? { timers: options.timers } : {};
  const clipboard = options.clipboard
    ? createClipboardCopier({
        clipboard: options.clipboard,
        clearAfterSeconds: () => vault.getSettings().clipboardClearSeconds,
        logger: options.logger,
        ...timers,
      })
    : undefined;

  const listeners = new Set<EventListener>();
  const emit: EventListener = (name, payload) =>
    listeners.forEach((listener) => {
      try {
        listener(name, payload);
      } catch {
        // A window that went away must not fail the operation that reports progress.
      }
    });

  const lock = (reason: LockReason | 'menu') => {
    if (vault.access.isUnlocked()) options.logger.info('vault.lock', { reason });
    vault.access.lock();
  };
  const autoLock = createAutoLock({ idleMinutes: options.autoLock === false ? 0 : vault.getSettings().autoLockMinutes, lock, ...timers });
  vault.access.onUnlock(() => autoLock.vaultUnlocked());
  vault.access.onLock(() => {
    autoLock.vaultLocked();
    emit('vault.locked', {});
  });
  if (options.autoLock !== false) vault.onSettingsChanged((settings) => autoLock.setIdleMinutes(settings.autoLockMinutes));

  const approvals = options.agentApproval ? createClientApprovals({ prompt: options.agentApproval, ...timers }) : undefined;
  // The lock ends every program's approval: after an unlock each asks again.
  if (approvals) vault.access.onLock(() => approvals.forgetAll());
  let connectedClients = (): string[] => [];
  const agentAudit = createAuditBatch((uses) => vault.recordAgentUses(uses), {
    ...timers,
    onError: (error) => options.logger.warn('agent.audit_failed', { error: error instanceof Error ? error.name : typeof error }),
  });
  // What was signed before the lock is in the log before anyone can read it after.
  vault.access.onLock(() => agentAudit.flush());
  const agent: SigningAgent = {
    service: createAgentService({
      vault: {
        agentKeys: () => vault.agentKeys(),
        sign: (...args) => vault.sign(...args),
        isUnlocked: () => vault.access.isUnlocked(),
      },
      audit: agentAudit,
      clockFor: (account) => clocks.clock(account),
      budget: createRequestBudget(now),
      ...(approvals ? { approvals } : {}),
      connectedClients: () => connectedClients(),
    }),
    reportClients: (clients) => {
      connectedClients = clients;
    },
    recordRefusal: (refusal) => vault.recordAgentRefusal(refusal),
  };

  // Built at first use: the CLI's core never serves from here, and the default socket is only looked for when the app's agent is.
  let servers: AgentServers | undefined;
  const buildServers = (): AgentServers => {
    const agentSwitch = createAgentSwitch({
      socketPath:
        options.agentSocket ?? defaultAgentSocket({ platform: process.platform, env: process.env, homedir: homedir(), username: userInfo().username }),
      tokenFile: join(options.dataDir, AGENT_TOKEN_FILE),
      service: agent.service,
      agentName: `Barong Vault ${options.appVersion}`,
      logger: options.logger,
      choice: { enabled: () => vault.agentEnabled(), setEnabled: (enabled) => vault.setAgentEnabled(enabled) },
      onClientsChanged: (clients) => emit('agent.clients', { clients: clients.map(({ name, connectedAt }) => ({ name, connectedAt })) }),
    });
    agent.reportClients(() => agentSwitch.status().clients.map((client) => client.name));
    const proxies = createKeyProxies({
      service: agent.service,
      clientName: 'proxy',
      recordRefusal: (refusal) => vault.recordAgentRefusal(refusal),
      logger: options.logger,
    });
    return { agent: agentSwitch, proxies };
  };
  const agentServers = (): AgentServers => (servers ??= buildServers());
  const stopServers = async () => {
    if (!servers) return;
    await Promise.all([servers.agent.stop(), servers.proxies.stopAll()]);
  };

  const parts: BackendParts = { vault, sessions, clocks, runner: { vault, clocks, http }, keychain: options.keychain, clipboard, emit, now };
  const proveOwner = createOwnerCheck({ vault, prompt: options.ownerPrompt, now });
  const channels = serveChannels(
    {
      ...vaultHandlers(parts),
      ...accountHandlers(parts),
      ...keyHandlers(parts),
      ...exchangeHandlers(parts),
      ...signerHandlers(parts),
      ...requestHandlers(parts),
      ...settingsHandlers(parts),
      ...auditHandlers(parts),
      ...backupHandlers(parts),
      ...agentHandlers(parts, agentServers),
    },
    {
      logger: options.logger,
      guard: async (channel, input) => {
        if (!OPEN_WHEN_LOCKED.has(channel)) vault.access.requireKey();
        return { ownerConfirmed: await proveOwner(channel, input) };
      },
    },
  );

  const door = (name: DoorName): BackendChannels =>
    Object.fromEntries(
      CHANNEL_NAMES.map((channel) => [
        channel,
        doorAllows(name, channel)
          ? channels[channel]
          : async () => {
              vault.recordDoorRefusal({ door: name, channel });
              return {
                ok: false,
                error: { code: 'door.channel_refused', message: `${channel} is not open to this caller.` },
              };
            },
      ]),
    ) as BackendChannels;

  return {
    door,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    autoLock,
    clipboard,
    agent,
    agentServers: {
      resume: async () => {
        try {
          await agentServers().agent.resume();
        } catch (error) {
          // A socket path the system cannot take is a problem for the agent, not for the app's start.
          options.logger.warn('agent.resume_failed', { error: error instanceof Error ? error.name : typeof error });
        }
      },
      stop: stopServers,
    },
    lock,
    close: () => {
      // Nothing may ask the vault for a signature once it is closed.
      void stopServers();
      agentAudit.flush();
      vault.close();
    },
  };
}
