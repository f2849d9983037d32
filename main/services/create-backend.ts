import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName } from '../../app/contract/channels';
import type { EventName, EventPayload } from '../../app/contract/events';
import { ExchangeClocks } from '../barong/clock/exchange-clocks';
import type { ExchangeHttpSettings } from '../barong/exchange-http-settings';
import type { HttpRequest, HttpResponse } from '../barong/http/send-http';
import { BarongSessions } from '../barong/session/barong-sessions';
import { systemClock } from '../barong/session/one-time-codes';
import type { CodeClock } from '../barong/session/one-time-codes';
import { userAgent } from '../barong/user-agent';
import type { ClipboardCopier } from '../clipboard/clipboard-copier';
import type { Logger } from '../logging/logger';
import type { KeychainWrapper } from '../vault/keychain-wrapper';
import { Vault } from '../vault/vault';
import type { ScryptCost } from '../vault/vault-access';
import { accountHandlers } from './account-handlers';
import type { BackendParts } from './backend-parts';
import { exchangeHandlers } from './exchange-handlers';
import { keyHandlers } from './key-handlers';
import { serveChannels } from './serve-channels';
import type { BackendChannels } from './serve-channels';
import { auditHandlers } from './audit-handlers';
import { backupHandlers } from './backup-handlers';
import { settingsHandlers } from './settings-handlers';
import { signerHandlers } from './signer-handlers';
import { vaultHandlers } from './vault-handlers';

export const VAULT_FILE = 'vault.db';

export interface BackendOptions {
  /** The app's data folder; the vault file is created in it (0600, the folder 0700). */
  dataDir: string;
  /** The OS keychain (safeStorage in the app); none in the CLI. */
  keychain?: KeychainWrapper;
  /** Time for the vault, the clocks and 2FA codes; tests pass one that moves when told. */
  clock?: CodeClock;
  /** Copies for the renderer and clears secret copies later; none in the CLI, where `signer.copy` answers `clipboard.unavailable`. */
  clipboard?: ClipboardCopier;
  /** The HTTP transport to exchanges; tests watch or alter requests with it. */
  http?: (request: HttpRequest) => Promise<HttpResponse>;
  appVersion: string;
  logger: Logger;
  /** Tests lower it; the app keeps the default (N = 2^17). */
  scryptCost?: ScryptCost;
  /** better-sqlite3's addon built for Electron's ABI; tests and the CLI load the default Node build. */
  nativeBinding?: string;
}

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface Backend {
  /** Every contract channel: any input, a Result back, never a throw. */
  channels: BackendChannels;
  /** Events for the renderer (the Electron wiring forwards them with webContents.send). */
  onEvent(listener: EventListener): () => void;
  /** Locks (wiping the vault key and the sessions) and closes the vault file. */
  close(): void;
}

// Readable without the vault key: the lock screen, first run and the theme need them.
const OPEN_WHEN_LOCKED = new Set<ChannelName>(['vault.status', 'vault.create', 'vault.unlock', 'vault.lock', 'settings.get']);

/** The composition root: one vault, its exchange sessions, clocks and runner, behind the contract. */
export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const vault = Vault.open({
    path: join(options.dataDir, VAULT_FILE),
    now,
    ...(options.keychain ? { keychain: options.keychain } : {}),
    ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
  const send = options.http ? { send: options.http } : {};
  const http: ExchangeHttpSettings = { userAgent: userAgent(options.appVersion), logger: options.logger, ...send };
  const clocks = new ExchangeClocks({ http, now });
  const sessions = new BarongSessions({ vault, appVersion: options.appVersion, logger: options.logger, clock, ...send });

  const listeners = new Set<EventListener>();
  const emit: EventListener = (name, payload) =>
    listeners.forEach((listener) => {
      try {
        listener(name, payload);
      } catch {
        // A window that went away must not fail the operation that reports progress.
      }
    });
  vault.access.onLock(() => emit('vault.locked', {}));

  const parts: BackendParts = { vault, sessions, clocks, runner: { vault, clocks, http }, keychain: options.keychain, clipboard: options.clipboard, emit, now };
  const channels = serveChannels(
    {
      ...vaultHandlers(parts),
      ...accountHandlers(parts),
      ...keyHandlers(parts),
      ...exchangeHandlers(parts),
      ...signerHandlers(parts),
      ...settingsHandlers(parts),
      ...auditHandlers(parts),
      ...backupHandlers(parts),
    },
    {
      logger: options.logger,
      guard: (channel) => {
        if (!OPEN_WHEN_LOCKED.has(channel)) vault.access.requireKey();
      },
    },
  );

  return {
    channels,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => vault.close(),
  };
}
