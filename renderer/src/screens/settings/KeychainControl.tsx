import { useId } from 'react';
import type { FormEvent } from 'react';
import { keychainRefusal } from '../../keychain-words';
import { useVaultStore } from '../../store/vault-store';
import type { VaultStatus } from '../../store/vault-store';
import { OwnerProof, useOwnerProof } from '../OwnerProof';
import { FormMessage } from './FormMessage';
import { useFormAction } from './use-form-action';

/**
 * Adds or removes the keychain's wrap of the vault key, with the owner's proof. A plain-text
 * keychain (basic_text) is never offered, as at first run; removing the last protection is refused by the vault.
 */
export function KeychainControl({ status }: { status: VaultStatus }) {
  const { addKeychain, removeKeychain } = useVaultStore();
  const proof = useOwnerProof();
  const action = useFormAction();
  const id = useId();
  const inUse = status.keychain !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const owner = proof.take();
    void action.run(() => (inUse ? removeKeychain(owner) : addKeychain(owner)));
  };

  if (!inUse && !status.computerKeychain.secure) return <p className="note">{keychainRefusal(status.computerKeychain)}</p>;
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} aria-describedby={`${id}-explanation ${id}-error`} aria-busy={action.busy} noValidate>
      <h4 id={`${id}-heading`}>This computer&apos;s keychain</h4>
      <p id={`${id}-explanation`}>
        {inUse
          ? `The keychain (${status.keychain}) unlocks the vault with your computer login.`
          : 'The keychain would unlock the vault with your computer login, without typing the passphrase.'}
      </p>
      <OwnerProof proof={proof} waiting={action.busy} />
      <FormMessage action={action} errorId={`${id}-error`} />
      <button type="submit" disabled={action.busy}>
        {inUse ? 'Stop unlocking with the keychain' : 'Unlock with the keychain too'}
      </button>
    </form>
  );
}
