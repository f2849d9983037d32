import type { AddressInfo } from 'node:net';
import { AppError } from '../app/app-error';
import { DEFAULT_NONCE_LIFETIME_MS } from '../app/domain/clock';
import type { SecretShape } from './api-key-store';
import { createRanger } from './ranger';
import type { SeededKey } from './seed';
import { seedDemoData } from './seed';
import { createSandboxServer } from './server';
import { createState } from './state';
import type { SandboxUser, UserState } from './users';
import { announcedUsers } from './users';

export type { SandboxUser, UserState } from './users';
export type { SeededKey } from './seed';
export type { SecretShape } from './api-key-store';

export interface SandboxOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** A loopback address: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  nonceLifetimeMs?: number;
  /** How the create-key answer carries the secret: Barong 2.6 (`plain`) or 2.5 and older (`vault`). */
  secretShape?: SecretShape;
  /** Idle session expiry, as `session_expire_time`. */
  sessionExpireS?: number;
  /** Demo balances, orders, trades and ready API keys. */
  seed?: boolean;
  /** Demands a captcha on login; the accepted answer is SANDBOX_CAPTCHA_RESPONSE. */
  captcha?: boolean;
  /** Refuses every authorised private call with 471 `authz.restrict.maintenance`. */
  maintenance?: boolean;
  /**
   * Runs the server's clock this many ms ahead of this computer's (behind when negative), for
   * every check and every time it tells: nonces, TOTP, sessions, the time endpoints, Date headers.
   */
  clockOffsetMs?: number;
}

/**
 * Operator actions with no user-facing endpoint, as Barong's admin API does them: they change the
 * user and leave the user's API keys as they are, which is how a key can be active while its owner
 * is banned or has 2FA off.
 */
export interface SandboxAdmin {
  setUserState(email: string, state: UserState): void;
  disableUserOtp(email: string): void;
}

export interface RunningSandbox {
  /** http://127.0.0.1:PORT */
  url: string;
  users: SandboxUser[];
  /** Empty unless started with `seed`. */
  apiKeys: SeededKey[];
  admin: SandboxAdmin;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

function wholeMs(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new AppError('usage', `${name} must be a whole number of milliseconds, not ${value}.`);
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new AppError('usage', `${name} must be a positive whole number, not ${value}.`);
  return value;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new AppError('usage', `The sandbox listens on loopback only; ${host} is not a loopback address.`);
  const port = options.port ?? 0;
  if (!Number.isSafeInteger(port) || port < 0 || port > 65535) throw new AppError('usage', `The port must be 0 to 65535, not ${port}.`);
  const state = createState({
    nonceLifetimeMs: positiveInteger('The nonce lifetime', options.nonceLifetimeMs ?? DEFAULT_NONCE_LIFETIME_MS),
    secretShape: options.secretShape ?? 'plain',
    sessionExpireS: positiveInteger('The session expiry', options.sessionExpireS ?? 1800),
    captcha: options.captcha ?? false,
    maintenance: options.maintenance ?? false,
    clockOffsetMs: wholeMs('The clock offset', options.clockOffsetMs ?? 0),
  });
  const apiKeys = options.seed ? seedDemoData(state) : [];
  const ranger = createRanger(state);
  const server = createSandboxServer(state, ranger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const userNamed = (email: string) => {
    const user = state.users.findByEmail(email);
    if (!user) throw new AppError('sandbox.unknown_user', `The sandbox has no user ${email}.`);
    return user;
  };

  return {
    url: `http://${shownHost}:${address.port}`,
    users: announcedUsers(),
    apiKeys,
    admin: {
      setUserState: (email, newState) => {
        userNamed(email).state = newState;
      },
      disableUserOtp: (email) => {
        const user = userNamed(email);
        user.otp = false;
        user.totpSecret = null;
      },
    },
    // Closing twice is harmless, so a test may close early and its clean-up close again.
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets and open streams would otherwise hold close() open until they end.
        server.closeAllConnections();
        ranger.close();
      }),
  };
}
