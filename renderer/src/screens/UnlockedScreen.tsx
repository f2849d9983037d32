import { useState } from 'react';
import { errorText } from '../error-text';
import { useAccountsStore } from '../store/accounts-store';
import { useVaultStore } from '../store/vault-store';
import { AccountsView } from './AccountsView';

/** The unlocked vault: Lock first in the tab order, then the accounts. */
export function UnlockedScreen() {
  const lock = useVaultStore((state) => state.lock);
  const [error, setError] = useState('');

  const lockNow = async () => {
    const failure = await lock();
    if (failure) setError(errorText(failure));
    else useAccountsStore.getState().reset();
  };

  return (
    <main className="wide">
      <header className="top">
        <h1>Vault unlocked</h1>
        <button type="button" onClick={() => void lockNow()}>
          Lock
        </button>
      </header>
      <p className="error" role="alert">
        {error}
      </p>
      <AccountsView />
    </main>
  );
}
