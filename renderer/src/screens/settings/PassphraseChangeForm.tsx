import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useVaultStore } from '../../store/vault-store';
import { OwnerProof, useOwnerProof } from '../OwnerProof';
import { PassphraseField } from '../PassphraseField';
import { FormMessage } from './FormMessage';
import { useFormAction } from './use-form-action';

/** Changes the passphrase, or sets one on a keychain-only vault; privileged, so the owner proves it first. */
export function PassphraseChangeForm({ hasPassphrase }: { hasPassphrase: boolean }) {
  const setPassphrase = useVaultStore((state) => state.setPassphrase);
  const proof = useOwnerProof();
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const action = useFormAction();
  const id = useId();
  const title = hasPassphrase ? 'Change the passphrase' : 'Set a passphrase';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) return action.refuse('The two new passphrases differ: type the same passphrase in both fields.');
    const owner = proof.take();
    void action.run(
      () => setPassphrase({ ...owner, next }),
      () => {
        setNext('');
        setAgain('');
        action.done(hasPassphrase ? 'Passphrase changed: the next unlock takes the new one.' : 'Passphrase set: it now unlocks the vault too.');
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={title} aria-describedby={`${id}-error`} aria-busy={action.busy} noValidate>
      <h4>{title}</h4>
      <OwnerProof proof={proof} waiting={action.busy} />
      <PassphraseField label="New passphrase" value={next} onChange={setNext} autoComplete="new-password" />
      <PassphraseField label="New passphrase again" value={again} onChange={setAgain} autoComplete="new-password" />
      <FormMessage action={action} errorId={`${id}-error`} />
      <button type="submit" disabled={action.busy}>
        {title}
      </button>
    </form>
  );
}
