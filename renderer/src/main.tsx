import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useAccountsStore } from './store/accounts-store';
import { useSettingsStore } from './store/settings-store';
import { useVaultStore } from './store/vault-store';
import { useViewStore } from './store/view-store';
import { followThemeSetting } from './theme';
import { api } from './window-api';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// A lock from main (auto-lock, suspend, the menu) must take the UI back to the lock screen,
// which unmounts every screen holding account data.
api().vault.onLocked(() => {
  useAccountsStore.getState().reset();
  useViewStore.getState().reset();
  void useVaultStore.getState().refresh();
});
void useVaultStore.getState().refresh();
followThemeSetting();
void useSettingsStore.getState().load();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
