import type { ResponseOf } from '../../app/contract/api';
import type { BackendChannels } from './serve-channels';

export type Settings = ResponseOf<'settings.get'>;

export interface ChannelObserver {
  /** The trader unlocked (or created) the vault. */
  unlocked(): void;
  /** The settings as they are now: read, changed, or restored from a backup. */
  settings(settings: Settings): void;
}

/**
 * The channels with the app shell listening in: the auto-lock learns of unlocks and of the idle
 * setting, the clipboard of its clear delay, from the same answers the renderer gets, so that no
 * door can change them without the shell knowing. Only successful answers count.
 */
export function observeChannels(channels: BackendChannels, observer: ChannelObserver): BackendChannels {
  const readSettings = async () => {
    const answer = await channels['settings.get'](undefined);
    if (answer.ok) observer.settings(answer.value);
    return answer;
  };
  return {
    ...channels,
    'vault.create': async (input) => {
      const answer = await channels['vault.create'](input);
      if (answer.ok && answer.value.unlocked) observer.unlocked();
      return answer;
    },
    'vault.unlock': async (input) => {
      const answer = await channels['vault.unlock'](input);
      if (answer.ok && answer.value.unlocked) observer.unlocked();
      return answer;
    },
    'settings.get': readSettings,
    'settings.update': async (input) => {
      const answer = await channels['settings.update'](input);
      if (answer.ok) observer.settings(answer.value);
      return answer;
    },
    'backup.import': async (input) => {
      const answer = await channels['backup.import'](input);
      if (answer.ok && answer.value.settingsApplied) await readSettings();
      return answer;
    },
  };
}
