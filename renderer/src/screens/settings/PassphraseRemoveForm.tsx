import { useId } from 'react';
import type { FormEvent } from 'react';
import { useVaultStore } from '../../store/vault-store';
import { OwnerProof, useOwnerProof } from '../OwnerProof';
import { FormMessage } from './FormMessage';
import { useFormAction } from './use-form-action';

/** Leaves the keychain alone to unlock the vault; the vault refuses when there is no keychain. */
export function PassphraseRemoveForm() {
  const removePassphrase = useVaultStore((state) => state.removePassphrase);
  const proof = useOwnerProof();
  const action = useFormAction();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const owner = proof.take();
    void action.run(() => removePassphrase(owner));
  };

  return (
    <form onSubmit={submit} aria-label="Remove the passphrase" aria-describedby={`${id}-explanation ${id}-error`} aria-busy={action.busy} noValidate>
      <h4>Remove the passphrase</h4>
      <p id={`${id}-explanation`}>Then only this computer&apos;s keychain unlocks the vault: anyone using your logged-in session can open it.</p>
      <OwnerProof proof={proof} waiting={action.busy} />
      <FormMessage action={action} errorId={`${id}-error`} />
      <button type="submit" disabled={action.busy}>
        Remove the passphrase
      </button>
    </form>
  );
}
