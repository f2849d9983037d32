import { CHANNEL_NAMES } from '../../app/contract/channels';
import { BRIDGE_ERROR_CODES } from '../../app/contract/result';
import type { Result } from '../../app/contract/result';
import type { Logger } from '../logging/logger';
import type { BackendChannels } from '../services/serve-channels';
import { isAppMainFrame } from './sender-check';
import type { InvokeEventLike } from './sender-check';

/** The part of Electron's ipcMain the binding uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface BindOptions {
  /** e.g. `app://barong-vault`: the only origin whose top frame may call. */
  appOrigin: string;
  logger: Logger;
}

const refused: Result<never> = {
  ok: false,
  error: { code: BRIDGE_ERROR_CODES.senderRefused, message: 'This request did not come from the app window and was refused.' },
};

/**
 * Registers every contract channel, and nothing else, so an unknown channel has no handler to
 * reach. One wrapper checks the sender before the backend sees the input; the backend parses it.
 */
export function bindIpc(ipcMain: IpcMainLike, channels: BackendChannels, options: BindOptions): void {
  for (const channel of CHANNEL_NAMES) {
    const call = channels[channel] as (input: unknown) => Promise<Result<unknown>>;
    ipcMain.handle(channel, async (event, input) => {
      if (!isAppMainFrame(event, options.appOrigin)) {
        // The frame's URL may carry anything; the channel name is ours.
        options.logger.warn('ipc.sender_refused', { channel });
        return refused;
      }
      return call(input);
    });
  }
}
