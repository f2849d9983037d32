import { useVaultStore } from '../../store/vault-store';
import type { VaultStatus } from '../../store/vault-store';
import { KeychainControl } from './KeychainControl';
import { PassphraseChangeForm } from './PassphraseChangeForm';
import { PassphraseRemoveForm } from './PassphraseRemoveForm';

function unlocksWith(status: VaultStatus): string {
  const keychain = status.keychain === null ? null : `this computer's keychain (${status.keychain})`;
  if (status.passphrase && keychain) return `The vault unlocks with its passphrase or with ${keychain}.`;
  if (status.passphrase) return 'The vault unlocks with its passphrase only.';
  return `The vault unlocks with ${keychain ?? 'nothing'} only.`;
}

/** What unlocks the vault: the passphrase, the keychain, or both, never neither. */
export function ProtectionSection() {
  const status = useVaultStore((state) => state.status);
  if (!status) return null;
  return (
    <section aria-labelledby="protection-heading" className="settings-section">
      <h3 id="protection-heading">Unlocking</h3>
      <p role="status">{unlocksWith(status)}</p>
      <PassphraseChangeForm hasPassphrase={status.passphrase} key={String(status.passphrase)} />
      {status.passphrase && <PassphraseRemoveForm />}
      <KeychainControl status={status} />
    </section>
  );
}
