/**
 * The OS keychain as the vault sees it. In the app it is Electron's safeStorage (Keychain on
 * macOS, DPAPI on Windows, libsecret or kwallet on Linux); tests and the CLI pass fakes or none.
 */
export interface KeychainWrapper {
  isAvailable(): Promise<boolean>;
  /**
   * The store in use, e.g. `gnome_libsecret`, `kwallet5`, `basic_text` (Linux: a hard-coded key,
   * refused), `macos_keychain`, `windows_dpapi`.
   */
  backend(): Promise<string>;
  encrypt(plaintext: string): Promise<Buffer>;
  decrypt(ciphertext: Buffer): Promise<string>;
}

/** Linux's fallback when no secret service runs: encryption with a key written in Chromium's source. */
export const INSECURE_KEYCHAIN_BACKEND = 'basic_text';
