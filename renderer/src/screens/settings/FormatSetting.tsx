import { useId } from 'react';
import type { Settings } from '../../store/settings-store';
import { COMMAND_FORMAT_LABELS } from '../../store/signer-store';
import type { CommandFormat } from '../../store/signer-store';
import { useSettingChoice } from './use-setting-choice';

/** The signer's format when it opens; saved as soon as it is chosen. */
export function FormatSetting({ settings }: { settings: Settings }) {
  const { value, error, choose } = useSettingChoice('defaultCommandFormat', settings.defaultCommandFormat);
  const id = useId();

  return (
    <div className="field">
      <label htmlFor={`${id}-format`}>Default command format</label>
      <select
        id={`${id}-format`}
        className="short"
        value={value}
        onChange={(event) => void choose(event.target.value as CommandFormat)}
        aria-describedby={`${id}-hint ${id}-error`}
      >
        {COMMAND_FORMAT_LABELS.map(([format, label]) => (
          <option key={format} value={format}>
            {label}
          </option>
        ))}
      </select>
      <span className="hint" id={`${id}-hint`}>
        The signer starts with this format; you can still pick another there.
      </span>
      <span className="error" id={`${id}-error`} role="alert">
        {error}
      </span>
    </div>
  );
}
