import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../error-text';
import { useVaultStore } from '../store/vault-store';
import type { VaultStatus } from '../store/vault-store';
import { OpenedBackupNote } from './OpenedBackupNote';
import { PassphraseField } from './PassphraseField';

export function UnlockScreen({ status }: { status: VaultStatus }) {
  const unlock = useVaultStore((state) => state.unlock);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const attempt = async (given: string | undefined) => {
    setBusy(true);
    const failure = await unlock(given);
    setBusy(false);
    if (failure) setError(errorText(failure));
  };
  // A new try starts clean: the last error describes a passphrase that is no longer there.
  const edit = (value: string) => {
    setPassphrase(value);
    setError('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') {
      setError('Enter the passphrase to unlock the vault.');
      return;
    }
    void attempt(passphrase);
  };

  return (
    <main>
      <h1>Unlock the vault</h1>
      <OpenedBackupNote first="Unlock the vault" />
      {status.keychain !== null && (
        <p>
          <button type="button" onClick={() => void attempt(undefined)} disabled={busy}>
            Unlock with this computer's keychain
          </button>
        </p>
      )}
      {status.passphrase && (
        <form onSubmit={submit} aria-describedby={errorId} noValidate>
          <PassphraseField label="Passphrase" value={passphrase} onChange={edit} autoComplete="current-password" autoFocus />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </form>
      )}
      <p className="error" id={errorId} role="alert">
        {error}
      </p>
    </main>
  );
}
