import { useSettingsStore } from './store/settings-store';
import type { Theme } from './store/settings-store';

/**
 * Keeps `<html data-theme>` on the theme setting, on every screen including the lock screen.
 * styles.css picks the colours (and `color-scheme`) from it; until the settings arrive the
 * attribute is absent, which styles.css treats like 'system'.
 */
export function followThemeSetting(): void {
  const apply = (theme: Theme | undefined) => {
    if (theme) document.documentElement.dataset.theme = theme;
  };
  apply(useSettingsStore.getState().settings?.theme);
  useSettingsStore.subscribe((state) => apply(state.settings?.theme));
}
