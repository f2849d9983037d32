import { CHANNEL_NAMES } from '../../app/contract/channels';
import type { ChannelName } from '../../app/contract/channels';

/**
 * Who may call which channel, checked in one place (openDoor). The page is the app's own UI,
 * reached through Electron IPC, or in tests through the browser harness; it may call every
 * channel, and the privileged ones still need the owner. Local programs (the signing agent and
 * proxy) get signatures only: never a secret, never a change to the vault.
 */
export const DOORS = {
  page: CHANNEL_NAMES,
  signing: ['vault.status', 'accounts.list', 'keys.list', 'signer.render'],
  /** `barong-vault agent` and `proxy --vault` at a terminal: the owner unlocks with the passphrase, and the agent's service does the rest. */
  terminal: ['vault.status', 'vault.unlock', 'vault.lock'],
} as const satisfies Record<string, readonly ChannelName[]>;

export type DoorName = keyof typeof DOORS;

export const doorAllows = (door: DoorName, channel: ChannelName): boolean => (DOORS[door] as readonly ChannelName[]).includes(channel);
