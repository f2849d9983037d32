import { useEffect, useState } from 'react';
import { errorText } from '../error-text';
import { forgetUnlockedData } from '../store/forget-unlocked-data';
import { useOpenedBackupStore } from '../store/opened-backup-store';
import { useVaultStore } from '../store/vault-store';
import { useViewStore } from '../store/view-store';
import type { View } from '../store/view-store';
import { ariaShortcut, isShortcut, shortcutLabel } from '../ui/shortcuts';
import type { Shortcut } from '../ui/shortcuts';
import { Toasts } from '../ui/Toasts';
import { api } from '../window-api';
import { AccountsView } from './AccountsView';
import { AuditView } from './audit/AuditView';
import { CommandPalette } from './palette/CommandPalette';
import { SettingsView } from './SettingsView';

const VIEWS: readonly { view: View; label: string; shortcut?: Shortcut }[] = [
  { view: 'accounts', label: 'Accounts' },
  { view: 'audit', label: 'Audit log' },
  { view: 'settings', label: 'Settings', shortcut: 'Mod+,' },
];

const PALETTE: Shortcut = 'Mod+K';
const LOCK: Shortcut = 'Mod+L';

/** The unlocked vault: a compact top bar (views, the palette, Lock), then the view shown. */
export function UnlockedScreen() {
  const lock = useVaultStore((state) => state.lock);
  const { view, show, paletteOpen, openPalette } = useViewStore();
  const openedBackup = useOpenedBackupStore((state) => state.backup);
  const [error, setError] = useState('');

  // A backup opened from the computer goes to the import form in the settings: at once when the
  // vault is open, otherwise as soon as it is unlocked.
  useEffect(() => {
    if (openedBackup) show('settings');
  }, [openedBackup, show]);

  const lockNow = async () => {
    const failure = await lock();
    if (failure) setError(errorText(failure));
    else forgetUnlockedData();
  };

  // The shortcuts: from the application menu in Electron, from the keyboard in a plain page
  // (where no menu takes them first).
  useEffect(() => {
    const unsubscribe = api().menu.onCommand(({ command }) => {
      if (command === 'search') openPalette();
      else show('settings');
    });
    const onKey = (event: KeyboardEvent) => {
      if (isShortcut(event, PALETTE)) openPalette();
      else if (isShortcut(event, 'Mod+,')) show('settings');
      else if (isShortcut(event, LOCK)) void lockNow();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      window.removeEventListener('keydown', onKey);
    };
    // lockNow reads the stores through getState and the stable lock action: nothing to follow.
  }, [openPalette, show]);

  return (
    <div className="desk">
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          Barong Vault
        </span>
        <h1 className="visually-hidden">Vault unlocked</h1>
        <nav aria-label="Views" className="views">
          {VIEWS.map(({ view: each, label, shortcut }) => (
            <button
              key={each}
              type="button"
              aria-current={view === each ? 'page' : undefined}
              aria-keyshortcuts={shortcut && ariaShortcut(shortcut)}
              title={shortcut && `${label} (${shortcutLabel(shortcut)})`}
              onClick={() => show(each)}
            >
              {label}
            </button>
          ))}
        </nav>
        <div className="topbar-end">
          <button
            type="button"
            className="search-button"
            onClick={openPalette}
            aria-keyshortcuts={ariaShortcut(PALETTE)}
            title={`Find an account or key (${shortcutLabel(PALETTE)})`}
          >
            Find an account or key <kbd aria-hidden="true">{shortcutLabel(PALETTE)}</kbd>
          </button>
          <button type="button" onClick={() => void lockNow()} aria-keyshortcuts={ariaShortcut(LOCK)} title={`Lock the vault (${shortcutLabel(LOCK)})`}>
            Lock <kbd aria-hidden="true">{shortcutLabel(LOCK)}</kbd>
          </button>
        </div>
      </header>
      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}
      <div className="desk-body">
        {view === 'accounts' && <AccountsView />}
        {view === 'audit' && <AuditView />}
        {view === 'settings' && <SettingsView />}
      </div>
      {paletteOpen && <CommandPalette />}
      <Toasts />
    </div>
  );
}
