import { describe, expect, it, vi } from 'vitest';
import { INSECURE_KEYCHAIN_BACKEND } from '../vault/keychain-wrapper';
import { createSafeStorageKeychain } from './safe-storage-keychain';

// Electron cannot start here (its binary is downloaded on first run): the module is replaced by
// a fake whose encryption is reversible, so the adapter's calls are checked, not Electron's.
vi.mock('electron', () => ({ safeStorage: undefined }));

function fakeSafeStorage(backend: ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>, available = true) {
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => available),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`sealed:${text}`)),
    decryptStringAsync: vi.fn(async (data: Buffer) => ({ result: data.toString().replace(/^sealed:/, ''), shouldReEncrypt: false })),
  };
}

describe('safeStorage keychain adapter', () => {
  it('encrypts and decrypts through the async safeStorage calls', async () => {
    const storage = fakeSafeStorage('gnome_libsecret');
    const keychain = createSafeStorageKeychain(storage, 'linux');
    const sealed = await keychain.encrypt('vault key');
    expect(sealed.toString()).toBe('sealed:vault key');
    expect(await keychain.decrypt(sealed)).toBe('vault key');
    expect(storage.encryptStringAsync).toHaveBeenCalledTimes(1);
    expect(storage.decryptStringAsync).toHaveBeenCalledTimes(1);
  });

  it("reports Linux's selected backend, basic_text included, so the vault can refuse it", async () => {
    expect(await createSafeStorageKeychain(fakeSafeStorage('kwallet5'), 'linux').backend()).toBe('kwallet5');
    expect(await createSafeStorageKeychain(fakeSafeStorage('basic_text'), 'linux').backend()).toBe(INSECURE_KEYCHAIN_BACKEND);
  });

  it('names the macOS and Windows stores, which Electron does not name', async () => {
    const storage = fakeSafeStorage('unknown');
    expect(await createSafeStorageKeychain(storage, 'darwin').backend()).toBe('macos_keychain');
    expect(await createSafeStorageKeychain(storage, 'win32').backend()).toBe('windows_dpapi');
    expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('passes availability through', async () => {
    expect(await createSafeStorageKeychain(fakeSafeStorage('gnome_libsecret', false), 'linux').isAvailable()).toBe(false);
  });
});
