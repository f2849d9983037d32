import type { z } from 'zod';
import type { vaultStatusSchema } from '../../app/contract/records';
import { INSECURE_KEYCHAIN_BACKEND } from '../vault/keychain-wrapper';
import type { KeychainWrapper } from '../vault/keychain-wrapper';
import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

type VaultStatus = z.input<typeof vaultStatusSchema>;

/** Setup, unlock, lock and how the vault key is wrapped. */
export function vaultHandlers({ vault, keychain }: BackendParts): HandlersOf<'vault'> {
  const status = async (): Promise<VaultStatus> => ({ ...vault.status(), computerKeychain: await computerKeychain(keychain) });
  return {
    'vault.status': status,
    'vault.create': async ({ passphrase, keychain: useKeychain }) => {
      await vault.access.create({ passphrase, keychain: useKeychain });
      return status();
    },
    'vault.unlock': async ({ passphrase }) => {
      await vault.access.unlock(passphrase);
      return status();
    },
    'vault.lock': async () => {
      vault.access.lock();
      return status();
    },
    'vault.setPassphrase': async ({ ownerPassphrase, next }) => {
      await vault.access.setPassphrase(ownerPassphrase, next);
      return status();
    },
    'vault.removePassphrase': async ({ ownerPassphrase }) => {
      await vault.access.removePassphrase(ownerPassphrase ?? '');
      return status();
    },
    'vault.addKeychain': async () => {
      await vault.access.addKeychain();
      return status();
    },
    'vault.removeKeychain': async () => {
      vault.access.removeKeychain();
      return status();
    },
  };
}

/** A keychain that fails to answer counts as unavailable: first run then offers the passphrase only. */
async function computerKeychain(keychain: KeychainWrapper | undefined): Promise<VaultStatus['computerKeychain']> {
  try {
    if (!keychain || !(await keychain.isAvailable())) return { available: false, backend: null, secure: false };
    const backend = await keychain.backend();
    return { available: true, backend, secure: backend !== INSECURE_KEYCHAIN_BACKEND };
  } catch {
    return { available: false, backend: null, secure: false };
  }
}
