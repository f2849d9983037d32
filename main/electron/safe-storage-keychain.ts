import { safeStorage } from 'electron';
import type { KeychainWrapper } from '../vault/keychain-wrapper';

type SafeStorage = Pick<Electron.SafeStorage, 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'>;

/**
 * The vault's keychain in the app: Electron's safeStorage, which uses Keychain on macOS, DPAPI on
 * Windows and libsecret or kwallet on Linux. Electron names a backend only on Linux; the others
 * get a fixed name so that the vault can tell when the store behind its key changed.
 */
export function createSafeStorageKeychain(storage: SafeStorage = safeStorage, platform: NodeJS.Platform = process.platform): KeychainWrapper {
  return {
    isAvailable: () => storage.isAsyncEncryptionAvailable(),
    backend: async () => {
      if (platform === 'darwin') return 'macos_keychain';
      if (platform === 'win32') return 'windows_dpapi';
      return storage.getSelectedStorageBackend();
    },
    encrypt: (plaintext) => storage.encryptStringAsync(plaintext),
    decrypt: async (ciphertext) => (await storage.decryptStringAsync(ciphertext)).result,
  };
}
