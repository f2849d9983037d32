import { CHANNEL_NAMES } from '../../app/contract/channels';
import type { ChannelName } from '../../app/contract/channels';

/**
 * Who may call which channel, checked in one place (core.door). The page is the app's own UI,
 * reached through Electron IPC, or in tests through the browser harness; it may call every
 * channel, and the privileged ones still need the owner. The terminal is the headless agent's
 * and proxy's process. Local programs never reach a channel: they speak the agent's wire
 * (app/agent/wire.ts: keys, sign, status) or the proxy's HTTP, and get signatures only.
 */
export const DOORS = {
  page: CHANNEL_NAMES,
  /** `barong-vault agent` and `proxy --vault` at a terminal: the owner unlocks with the passphrase, and the agent's service does the rest. */
  terminal: ['vault.status', 'vault.unlock', 'vault.lock'],
} as const satisfies Record<string, readonly ChannelName[]>;

export type DoorName = keyof typeof DOORS;

export const doorAllows = (door: DoorName, channel: ChannelName): boolean => (DOORS[door] as readonly ChannelName[]).includes(channel);
