import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useVaultStore } from '../../store/vault-store';
import { PassphraseField } from '../PassphraseField';
import { FormMessage } from './FormMessage';
import { useFormAction } from './use-form-action';

/** Changes the passphrase, or sets one on a keychain-only vault; the current one is asked again. */
export function PassphraseChangeForm({ hasPassphrase }: { hasPassphrase: boolean }) {
  const setPassphrase = useVaultStore((state) => state.setPassphrase);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const action = useFormAction();
  const id = useId();
  const title = hasPassphrase ? 'Change the passphrase' : 'Set a passphrase';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (hasPassphrase && current === '') return action.refuse('Enter the current passphrase first.');
    if (next !== again) return action.refuse('The two new passphrases differ: type the same passphrase in both fields.');
    void action.run(
      () => setPassphrase({ ...(hasPassphrase ? { ownerPassphrase: current } : {}), next }),
      () => {
        setCurrent('');
        setNext('');
        setAgain('');
        action.done(hasPassphrase ? 'Passphrase changed: the next unlock takes the new one.' : 'Passphrase set: it now unlocks the vault too.');
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={title} aria-describedby={`${id}-error`} aria-busy={action.busy} noValidate>
      <h4>{title}</h4>
      {hasPassphrase && <PassphraseField label="Current passphrase" value={current} onChange={setCurrent} autoComplete="current-password" />}
      <PassphraseField label="New passphrase" value={next} onChange={setNext} autoComplete="new-password" />
      <PassphraseField label="New passphrase again" value={again} onChange={setAgain} autoComplete="new-password" />
      <FormMessage action={action} errorId={`${id}-error`} />
      <button type="submit" disabled={action.busy}>
        {title}
      </button>
    </form>
  );
}
