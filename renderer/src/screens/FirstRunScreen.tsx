import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../error-text';
import { keychainRefusal } from '../keychain-words';
import { useVaultStore } from '../store/vault-store';
import type { VaultStatus } from '../store/vault-store';
import { OpenedBackupNote } from './OpenedBackupNote';
import { PassphraseField } from './PassphraseField';

type Protection = 'passphrase' | 'keychain' | 'both';

const MIN_PASSPHRASE_LENGTH = 8;

const CHOICES: ReadonlyArray<{ value: Protection; label: string; explanation: string; needsKeychain: boolean }> = [
  {
    value: 'passphrase',
    label: 'A passphrase',
    explanation: 'Protects against anyone who copies the vault file or uses this computer without knowing the passphrase you type at each unlock.',
    needsKeychain: false,
  },
  {
    value: 'keychain',
    label: "This computer's keychain",
    explanation:
      'Unlocks with your computer login and protects against the vault file being copied elsewhere, but not against someone using your logged-in session.',
    needsKeychain: true,
  },
  {
    value: 'both',
    label: 'Keychain and passphrase',
    explanation:
      'Unlocks with the keychain day to day, and the passphrase still opens the vault when the keychain is reset or the vault moves to another computer.',
    needsKeychain: true,
  },
];

export function FirstRunScreen({ computerKeychain }: { computerKeychain: VaultStatus['computerKeychain'] }) {
  const createVault = useVaultStore((state) => state.create);
  const [protection, setProtection] = useState<Protection>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const choiceName = useId();
  const errorId = useId();

  // A basic_text keychain stores the vault key in plain text: it would protect nothing.
  const choices = CHOICES.filter((choice) => !choice.needsKeychain || computerKeychain.secure);
  const usesPassphrase = protection !== 'keychain';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (usesPassphrase && passphrase.length < MIN_PASSPHRASE_LENGTH) {
      setError(`Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
      return;
    }
    if (usesPassphrase && passphrase !== confirmation) {
      setError('The two passphrases differ: type the same passphrase in both fields.');
      return;
    }
    setError('');
    setBusy(true);
    const failure = await createVault({ keychain: protection !== 'passphrase', ...(usesPassphrase ? { passphrase } : {}) });
    setBusy(false);
    if (failure) setError(errorText(failure));
  };

  return (
    <main>
      <h1>Create your vault</h1>
      <OpenedBackupNote first="Create the vault" />
      <p>The vault keeps your exchange API keys encrypted on this computer. Choose what unlocks it.</p>
      <form onSubmit={submit} aria-describedby={errorId} noValidate>
        <fieldset>
          <legend>Protect the vault with</legend>
          {choices.map((choice) => (
            <div className="choice" key={choice.value}>
              <input
                type="radio"
                id={`${choiceName}-${choice.value}`}
                name={choiceName}
                value={choice.value}
                checked={protection === choice.value}
                onChange={() => setProtection(choice.value)}
                aria-describedby={`${choiceName}-${choice.value}-explanation`}
              />
              <label htmlFor={`${choiceName}-${choice.value}`}>{choice.label}</label>
              <p className="explanation" id={`${choiceName}-${choice.value}-explanation`}>
                {choice.explanation}
              </p>
            </div>
          ))}
          {!computerKeychain.secure && <p className="note">{keychainRefusal(computerKeychain)}</p>}
        </fieldset>
        {usesPassphrase && (
          <>
            <PassphraseField label="Passphrase" value={passphrase} onChange={setPassphrase} autoComplete="new-password" />
            <PassphraseField label="Passphrase again" value={confirmation} onChange={setConfirmation} autoComplete="new-password" />
          </>
        )}
        <p className="error" id={errorId} role="alert">
          {error}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating the vault…' : 'Create the vault'}
        </button>
      </form>
    </main>
  );
}
