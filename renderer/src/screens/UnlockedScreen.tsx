import { useEffect, useState } from 'react';
import { errorText } from '../error-text';
import { useAccountsStore } from '../store/accounts-store';
import { useOpenedBackupStore } from '../store/opened-backup-store';
import { useVaultStore } from '../store/vault-store';
import { useViewStore } from '../store/view-store';
import type { View } from '../store/view-store';
import { api } from '../window-api';
import { AccountsView } from './AccountsView';
import { AuditView } from './AuditView';
import { SettingsView } from './SettingsView';

const VIEWS: readonly { view: View; label: string; shortcut?: string }[] = [
  { view: 'accounts', label: 'Accounts' },
  { view: 'audit', label: 'Audit log' },
  { view: 'settings', label: 'Settings', shortcut: 'Control+, Meta+,' },
];

/** The unlocked vault: Lock first in the tab order, then the views and the one shown. */
export function UnlockedScreen() {
  const lock = useVaultStore((state) => state.lock);
  const { view, show, focusSearch } = useViewStore();
  const openedBackup = useOpenedBackupStore((state) => state.backup);
  const [error, setError] = useState('');

  // A backup opened from the computer goes to the import form in the settings: at once when the
  // vault is open, otherwise as soon as it is unlocked.
  useEffect(() => {
    if (openedBackup) show('settings');
  }, [openedBackup, show]);

  // Cmd/Ctrl+K and Cmd/Ctrl+,: from the application menu in Electron, from the keyboard in a
  // plain page (where no menu takes them first).
  useEffect(() => {
    const unsubscribe = api().menu.onCommand(({ command }) => {
      if (command === 'search') focusSearch();
      else show('settings');
    });
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'k') focusSearch();
      else if (key === ',') show('settings');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      window.removeEventListener('keydown', onKey);
    };
  }, [focusSearch, show]);

  const lockNow = async () => {
    const failure = await lock();
    if (failure) setError(errorText(failure));
    else {
      useAccountsStore.getState().reset();
      useViewStore.getState().reset();
    }
  };

  return (
    <main className="wide">
      <header className="top">
        <h1>Vault unlocked</h1>
        <button type="button" onClick={() => void lockNow()}>
          Lock
        </button>
      </header>
      <nav aria-label="Views" className="views">
        {VIEWS.map(({ view: each, label, shortcut }) => (
          <button key={each} type="button" aria-current={view === each ? 'page' : undefined} aria-keyshortcuts={shortcut} onClick={() => show(each)}>
            {label}
          </button>
        ))}
      </nav>
      <p className="error" role="alert">
        {error}
      </p>
      {view === 'accounts' && <AccountsView />}
      {view === 'audit' && <AuditView />}
      {view === 'settings' && <SettingsView />}
    </main>
  );
}
