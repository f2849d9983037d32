import type { VaultStatus } from './store/vault-store';

/** Why this computer's keychain is not offered: unavailable, or plain text (Linux's basic_text). */
export function keychainRefusal(keychain: VaultStatus['computerKeychain']): string {
  if (keychain.available && keychain.backend) {
    return `This computer's keychain (${keychain.backend}) keeps keys in plain text, so the vault needs a passphrase.`;
  }
  return "This computer's keychain is not available, so the vault needs a passphrase.";
}
