import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../app/contract/api';
import { errorText } from '../error-text';
import { useVaultStore } from '../store/vault-store';
import { api } from '../window-api';

type Accounts = ResponseOf<'accounts.list'>;

/** The unlocked vault until the account screens exist: the accounts by name, and Lock. */
export function UnlockedScreen() {
  const lock = useVaultStore((state) => state.lock);
  const [accounts, setAccounts] = useState<Accounts | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let current = true;
    void api()
      .accounts.list()
      .then((result) => {
        if (!current) return;
        if (result.ok) setAccounts(result.value);
        else setError(errorText(result.error));
      });
    return () => {
      current = false;
    };
  }, []);

  const lockNow = async () => {
    const failure = await lock();
    if (failure) setError(errorText(failure));
  };

  return (
    <main>
      <h1>Vault unlocked</h1>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts</h2>
        {accounts === null && !error && <p aria-busy="true">Loading the accounts…</p>}
        {accounts?.length === 0 && <p>No accounts yet.</p>}
        {accounts && accounts.length > 0 && (
          <ul>
            {accounts.map((account) => (
              <li key={account.id}>
                {account.name} <span className="note">({account.baseUrl}, {account.keyCount} keys)</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="error" role="alert">
        {error}
      </p>
      <button type="button" onClick={() => void lockNow()}>
        Lock
      </button>
    </main>
  );
}
