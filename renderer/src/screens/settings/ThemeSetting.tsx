import { useId } from 'react';
import type { Settings, Theme } from '../../store/settings-store';
import { useSettingChoice } from './use-setting-choice';

const THEMES: ReadonlyArray<{ theme: Theme; label: string }> = [
  { theme: 'system', label: 'Like this computer' },
  { theme: 'light', label: 'Light' },
  { theme: 'dark', label: 'Dark' },
];

/** Light, dark, or the computer's choice; applied everywhere once the vault has saved it. */
export function ThemeSetting({ settings }: { settings: Settings }) {
  const { value, error, choose } = useSettingChoice('theme', settings.theme);
  const name = useId();

  return (
    <fieldset aria-describedby={`${name}-error`}>
      <legend>Theme</legend>
      <div className="inline-choices">
        {THEMES.map(({ theme, label }) => (
          <span key={theme}>
            <input type="radio" id={`${name}-${theme}`} name={name} value={theme} checked={value === theme} onChange={() => void choose(theme)} />
            <label htmlFor={`${name}-${theme}`}>{label}</label>
          </span>
        ))}
      </div>
      <p className="error" id={`${name}-error`} role="alert">
        {error}
      </p>
    </fieldset>
  );
}
