import { VaultError } from '../vault-error';
import type { KeychainWrapper } from '../keychain-wrapper';
import { INSECURE_KEYCHAIN_BACKEND } from '../keychain-wrapper';
import { KEY_BYTES, open, seal } from './envelope';
import { derivePassphraseKey, newScryptParams } from './passphrase-kdf';
import type { ScryptParams } from './passphrase-kdf';

/** The vault key is only ever stored wrapped, by the passphrase, the OS keychain, or both. */
export type KeyWrap = { kind: 'passphrase'; params: ScryptParams; wrapped: Buffer } | { kind: 'keychain'; backend: string; wrapped: Buffer };

/**
 * A vault key as unwrapped. `legacy`: the wrap was written before account and key rows were
 * MACed (database version 6 and older). Only a wrap says so in a way nobody without the
 * passphrase or keychain can forge, which is why the vault asks the wrap whether rows without a
 * MAC are old or tampered with. `rewrapped`: the same wrap in today's format, when it was legacy.
 */
export interface Unwrapped {
  vaultKey: Buffer;
  legacy: boolean;
  rewrapped?: KeyWrap;
}

const PASSPHRASE_AD = 'vault-key/passphrase\nrows-authenticated';
const LEGACY_PASSPHRASE_AD = 'vault-key/passphrase';
const KEYCHAIN_PREFIX = 'rows-authenticated:';

export async function wrapWithPassphrase(vaultKey: Buffer, passphrase: string, cost?: Omit<ScryptParams, 'salt'>): Promise<KeyWrap> {
  const params = newScryptParams(cost);
  const wrappingKey = await derivePassphraseKey(passphrase, params);
  try {
    return { kind: 'passphrase', params, wrapped: seal(wrappingKey, vaultKey, PASSPHRASE_AD) };
  } finally {
    wrappingKey.fill(0);
  }
}

/** The GCM tag is the verifier: a wrong passphrase fails it, it never yields a wrong key. */
export async function unwrapWithPassphrase(wrap: Extract<KeyWrap, { kind: 'passphrase' }>, passphrase: string): Promise<Unwrapped> {
  const wrappingKey = await derivePassphraseKey(passphrase, wrap.params);
  try {
    return { vaultKey: open(wrappingKey, wrap.wrapped, PASSPHRASE_AD), legacy: false };
  } catch {
    try {
      const vaultKey = open(wrappingKey, wrap.wrapped, LEGACY_PASSPHRASE_AD);
      return { vaultKey, legacy: true, rewrapped: { ...wrap, wrapped: seal(wrappingKey, vaultKey, PASSPHRASE_AD) } };
    } catch {
      throw new VaultError('vault.wrong_passphrase', 'Wrong passphrase.');
    }
  } finally {
    wrappingKey.fill(0);
  }
}

export async function wrapWithKeychain(vaultKey: Buffer, keychain: KeychainWrapper): Promise<KeyWrap> {
  if (!(await keychain.isAvailable())) {
    throw new VaultError('vault.keychain_unavailable', "This computer's keychain is not available: protect the vault with a passphrase.");
  }
  const backend = await keychain.backend();
  if (backend === INSECURE_KEYCHAIN_BACKEND) {
    throw new VaultError(
      'vault.keychain_insecure',
      'No keychain service runs on this computer (libsecret or kwallet), so the keychain would use a key anyone can read: protect the vault with a passphrase.',
    );
  }
  // safeStorage takes and gives strings only: the key's base64 lives in this string until the
  // garbage collector takes it, and cannot be zeroed. It is made here and nowhere else.
  return { kind: 'keychain', backend, wrapped: await keychain.encrypt(KEYCHAIN_PREFIX + vaultKey.toString('base64')) };
}

export async function unwrapWithKeychain(wrap: Extract<KeyWrap, { kind: 'keychain' }>, keychain: KeychainWrapper): Promise<Unwrapped> {
  const changed = (now: string) =>
    new VaultError('vault.keychain_changed', `The keychain that protected this vault (${wrap.backend}) ${now}: unlock with the passphrase.`);
  if (!(await keychain.isAvailable())) throw changed('is not available now');
  const backend = await keychain.backend();
  if (backend !== wrap.backend) throw changed(`was replaced by ${backend}`);
  let text: string;
  try {
    text = await keychain.decrypt(wrap.wrapped);
  } catch {
    throw changed('can no longer decrypt it');
  }
  const legacy = !text.startsWith(KEYCHAIN_PREFIX);
  const vaultKey = Buffer.from(legacy ? text : text.slice(KEYCHAIN_PREFIX.length), 'base64');
  if (vaultKey.length !== KEY_BYTES) {
    vaultKey.fill(0);
    throw changed('gave back something that is not the vault key');
  }
  return { vaultKey, legacy };
}
