import { useState } from 'react';
import { errorText } from '../../error-text';
import { useSettingsStore } from '../../store/settings-store';
import type { Settings, SettingsChange } from '../../store/settings-store';

type ChoiceName = 'theme' | 'defaultCommandFormat';

/**
 * A setting picked from a list and saved at once. The pick shows while the vault saves it (a
 * controlled radio would otherwise spring back until the answer), and the stored value returns,
 * with the refusal in words, if the vault says no.
 */
export function useSettingChoice<N extends ChoiceName>(name: N, stored: Settings[N]) {
  const update = useSettingsStore((state) => state.update);
  const [picked, setPicked] = useState<Settings[N] | null>(null);
  const [error, setError] = useState('');

  const choose = async (value: Settings[N]) => {
    setPicked(value);
    const failure = await update({ [name]: value } as SettingsChange);
    setPicked(null);
    setError(failure ? errorText(failure) : '');
  };
  return { value: picked ?? stored, error, choose };
}
