import type { BackendParts } from './backend-parts';
import { definedFields } from './defined-fields';
import type { HandlersOf } from './serve-channels';

/** The vault's settings: read by the lock screen too, changed by the trader. */
export function settingsHandlers({ vault }: BackendParts): HandlersOf<'settings'> {
  return {
    'settings.get': async () => vault.getSettings(),
    'settings.update': async (changes) => vault.updateSettings(definedFields(changes)),
  };
}
