import { errorText } from '../../error-text';
import { useSettingsStore } from '../../store/settings-store';
import { FormatSetting } from './FormatSetting';
import { ThemeSetting } from './ThemeSetting';
import { TimingForm } from './TimingForm';

/** The settings stored in the vault: timings, the signer's format, the theme. */
export function PreferencesSection() {
  const { settings, loadError, revision, load } = useSettingsStore();
  if (!settings) {
    return loadError ? (
      <div>
        <p className="error" role="alert">
          The settings could not be read: {errorText(loadError)}
        </p>
        <button type="button" onClick={() => void load()}>
          Read the settings again
        </button>
      </div>
    ) : (
      <p aria-busy="true">Loading the settings…</p>
    );
  }
  return (
    <div className="settings-section">
      <TimingForm settings={settings} key={revision} />
      <h3>Look and format</h3>
      <ThemeSetting settings={settings} />
      <FormatSetting settings={settings} />
    </div>
  );
}
