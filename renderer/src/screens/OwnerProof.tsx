import { useCallback, useState } from 'react';
import type { ErrorInfo } from '../../../app/contract/result';
import { useVaultStore } from '../store/vault-store';
import { PassphraseField } from './PassphraseField';

/** What a privileged call carries to prove the owner is there: the passphrase, or nothing where main asks in its own dialog. */
export type OwnerProofRequest = { ownerPassphrase?: string };

export interface OwnerProofState {
  /** The vault has a passphrase: the owner types it; otherwise main asks in a dialog the page cannot click. */
  hasPassphrase: boolean;
  passphrase: string;
  setPassphrase(value: string): void;
  /** The proof for one call, taken out of the page as it leaves: the field is empty whatever the answer. */
  take(): OwnerProofRequest;
}

/** The state behind one privileged form's OwnerProof. */
export function useOwnerProof(): OwnerProofState {
  const hasPassphrase = useVaultStore((state) => state.status?.passphrase ?? true);
  const [passphrase, setPassphrase] = useState('');
  const take = useCallback((): OwnerProofRequest => {
    setPassphrase('');
    return hasPassphrase ? { ownerPassphrase: passphrase } : {};
  }, [hasPassphrase, passphrase]);
  return { hasPassphrase, passphrase, setPassphrase, take };
}

/**
 * The owner's proof in every privileged form (main/privilege decides which calls are): the vault
 * passphrase where there is one, else word that main will ask in its own system dialog.
 */
export function OwnerProof({ proof, autoFocus = false, waiting = false }: { proof: OwnerProofState; autoFocus?: boolean; waiting?: boolean }) {
  if (proof.hasPassphrase) {
    return (
      <PassphraseField label="Vault passphrase" value={proof.passphrase} onChange={proof.setPassphrase} autoComplete="current-password" autoFocus={autoFocus} />
    );
  }
  return <p className="note">{waiting ? 'Waiting for your answer in the system dialog…' : 'Barong Vault will ask you to confirm in a system dialog.'}</p>;
}

const OWNER_REFUSALS = new Set(['vault.wrong_passphrase', 'vault.throttled']);

/** A refusal of the owner's proof rather than of the change itself: shown by the proof, not by a field. */
export const isOwnerRefusal = (error: ErrorInfo): boolean => error.code.startsWith('owner.') || OWNER_REFUSALS.has(error.code);
