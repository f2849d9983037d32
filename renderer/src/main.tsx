import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { forgetUnlockedData } from './store/forget-unlocked-data';
import { useOpenedBackupStore } from './store/opened-backup-store';
import { useSettingsStore } from './store/settings-store';
import { useVaultStore } from './store/vault-store';
import { followThemeSetting } from './theme';
import { api } from './window-api';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// A lock from main (auto-lock, suspend, the menu) must take the UI back to the lock screen,
// which unmounts every screen holding account data.
api().vault.onLocked(() => {
  forgetUnlockedData();
  void useVaultStore.getState().refresh();
});
// Subscribed as the script starts: main holds a backup that launched the app until the page has loaded.
api().backup.onOpened((backup) => useOpenedBackupStore.getState().opened(backup));
void useVaultStore.getState().refresh();
followThemeSetting();
void useSettingsStore.getState().load();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
