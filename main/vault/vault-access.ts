import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { KEY_BYTES } from './crypto/envelope';
import type { KeyWrap } from './crypto/key-wraps';
import { unwrapWithKeychain, unwrapWithPassphrase, wrapWithKeychain, wrapWithPassphrase } from './crypto/key-wraps';
import type { ScryptParams } from './crypto/passphrase-kdf';
import type { KeychainWrapper } from './keychain-wrapper';
import { parseInput, passphraseSchema } from './schemas';
import type { WrapsStore } from './store/wraps-store';
import { retryDelayMs } from './unlock-throttle';
import { VaultError } from './vault-error';

export type ScryptCost = Omit<ScryptParams, 'salt'>;

export interface AccessOptions {
  keychain: KeychainWrapper | undefined;
  now: () => number;
  /** Tests lower it to keep suites fast; the app uses the default (N = 2^17). */
  scryptCost: ScryptCost | undefined;
}

export interface UnlockMethods {
  passphrase: boolean;
  /** The keychain backend that wrapped the vault key, or null. */
  keychain: string | null;
}

/**
 * Who may use the vault: setup, unlock, lock, and changes to how the vault key is wrapped.
 * Changing a wrap rewrites one row; the secrets themselves are never re-encrypted.
 */
export class VaultAccess {
  private vaultKey: Buffer | null = null;
  private readonly lockListeners = new Set<() => void>();
  private readonly db: Database;
  private readonly wraps: WrapsStore;
  private readonly options: AccessOptions;

  constructor(db: Database, wraps: WrapsStore, options: AccessOptions) {
    this.db = db;
    this.wraps = wraps;
    this.options = options;
  }

  methods(): UnlockMethods {
    const wraps = this.wraps.all();
    const keychain = wraps.find((wrap) => wrap.kind === 'keychain');
    return { passphrase: wraps.some((wrap) => wrap.kind === 'passphrase'), keychain: keychain?.kind === 'keychain' ? keychain.backend : null };
  }

  isSetUp(): boolean {
    return this.wraps.all().length > 0;
  }

  isUnlocked(): boolean {
    return this.vaultKey !== null;
  }

  requireKey(): Buffer {
    if (!this.vaultKey) throw new VaultError('vault.locked', 'The vault is locked: unlock it first.');
    return this.vaultKey;
  }

  /** Creates the vault key and stores it wrapped by the passphrase, the keychain, or both, in one transaction. */
  async create(setup: { passphrase?: string | undefined; keychain: boolean }): Promise<void> {
    if (this.isSetUp()) throw new VaultError('vault.already_set_up', 'This vault is already set up.');
    if (setup.passphrase === undefined && !setup.keychain) {
      throw new VaultError('vault.no_unlock_method', 'Choose a passphrase, the keychain, or both, to protect the vault.');
    }
    const vaultKey = randomBytes(KEY_BYTES);
    try {
      const wraps: KeyWrap[] = [];
      if (setup.keychain) wraps.push(await wrapWithKeychain(vaultKey, this.keychain()));
      if (setup.passphrase !== undefined) wraps.push(await this.passphraseWrap(vaultKey, setup.passphrase));
      const now = this.options.now();
      this.db.transaction(() => wraps.forEach((wrap) => this.wraps.put(wrap, now)))();
    } catch (error) {
      vaultKey.fill(0);
      throw error;
    }
    this.vaultKey = vaultKey;
  }

  /** Keychain first where configured; the passphrase when given (or when there is no keychain wrap). */
  async unlock(passphrase?: string): Promise<void> {
    if (this.vaultKey) return;
    const wraps = this.wraps.all();
    if (wraps.length === 0) throw new VaultError('vault.not_set_up', 'There is no vault yet: create one first.');
    const keychainWrap = wraps.find((wrap) => wrap.kind === 'keychain');
    if (passphrase === undefined) {
      if (keychainWrap?.kind !== 'keychain') throw new VaultError('vault.passphrase_required', 'Enter the passphrase to unlock the vault.');
      this.vaultKey = await unwrapWithKeychain(keychainWrap, this.keychain());
      return;
    }
    this.vaultKey = await this.checkPassphrase(passphrase);
  }

  /**
   * Asks again before a secret is shown: the passphrase where the vault has one (a wrong one
   * counts towards the unlock throttle), otherwise a fresh unwrap through the keychain, which is
   * where the OS may put its own prompt. Either way the answer must yield this vault's key.
   */
  async reauthorise(passphrase: string | undefined): Promise<void> {
    this.requireKey();
    const wraps = this.wraps.all();
    const keychainWrap = wraps.find((wrap) => wrap.kind === 'keychain');
    let again: Buffer;
    if (wraps.some((wrap) => wrap.kind === 'passphrase')) {
      if (passphrase === undefined) throw new VaultError('vault.passphrase_required', 'Enter the passphrase again to continue.');
      again = await this.checkPassphrase(passphrase);
    } else if (keychainWrap?.kind === 'keychain') {
      again = await unwrapWithKeychain(keychainWrap, this.keychain());
    } else {
      throw new VaultError('vault.no_unlock_method', 'This vault has no way to be unlocked.');
    }
    try {
      // Locked while the check ran: the key is gone and nothing may be shown.
      if (!timingSafeEqual(again, this.requireKey())) throw new VaultError('vault.keychain_changed', 'The keychain no longer holds this vault\'s key: use the passphrase.');
    } finally {
      again.fill(0);
    }
  }

  lock(): void {
    if (!this.vaultKey) return;
    this.vaultKey.fill(0);
    this.vaultKey = null;
    this.lockListeners.forEach((listener) => listener());
  }

  /** Runs `listener` at every lock, so that holders of derived state (sessions, caches) drop it. */
  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Sets or changes the passphrase; the current one is asked again when there is one. */
  async setPassphrase(current: string | undefined, next: string): Promise<void> {
    await this.withKeyCopy(async (vaultKey) => {
      parseInput(passphraseSchema, next, 'The new passphrase');
      if (this.methods().passphrase) {
        if (current === undefined) throw new VaultError('vault.passphrase_required', 'Enter the current passphrase to change it.');
        (await this.checkPassphrase(current)).fill(0);
      }
      this.wraps.put(await this.passphraseWrap(vaultKey, next), this.options.now());
    });
  }

  async removePassphrase(current: string): Promise<void> {
    this.requireKey();
    if (!this.methods().keychain) throw new VaultError('vault.no_unlock_method', 'Add the keychain first: the vault needs a way to be unlocked.');
    (await this.checkPassphrase(current)).fill(0);
    this.wraps.remove('passphrase');
  }

  async addKeychain(): Promise<void> {
    await this.withKeyCopy(async (vaultKey) => this.wraps.put(await wrapWithKeychain(vaultKey, this.keychain()), this.options.now()));
  }

  removeKeychain(): void {
    this.requireKey();
    if (!this.methods().passphrase) throw new VaultError('vault.no_unlock_method', 'Set a passphrase first: the vault needs a way to be unlocked.');
    this.wraps.remove('keychain');
  }

  /** A lock while `use` awaits wipes the vault key: `use` gets a copy, so it never wraps zeros. */
  private async withKeyCopy(use: (vaultKey: Buffer) => Promise<void>): Promise<void> {
    const copy = Buffer.from(this.requireKey());
    try {
      await use(copy);
    } finally {
      copy.fill(0);
    }
  }

  private keychain(): KeychainWrapper {
    if (!this.options.keychain) {
      throw new VaultError('vault.keychain_unavailable', "This computer's keychain is not available here: use the passphrase.");
    }
    return this.options.keychain;
  }

  private passphraseWrap(vaultKey: Buffer, passphrase: string): Promise<KeyWrap> {
    return wrapWithPassphrase(vaultKey, parseInput(passphraseSchema, passphrase, 'The passphrase'), this.options.scryptCost);
  }

  /** Unwraps with the passphrase, slowing down guessing: each wrong try makes the next one wait longer. */
  private async checkPassphrase(passphrase: string): Promise<Buffer> {
    const wrap = this.wraps.all().find((candidate) => candidate.kind === 'passphrase');
    if (wrap?.kind !== 'passphrase') throw new VaultError('vault.no_unlock_method', 'This vault has no passphrase: unlock it with the keychain.');
    const failures = this.wraps.failures();
    const waitMs = failures.lastAt + retryDelayMs(failures.count) - this.options.now();
    if (waitMs > 0) {
      throw new VaultError('vault.throttled', `Too many wrong passphrases: try again in ${Math.ceil(waitMs / 1000)} s.`, waitMs);
    }
    // Counted as failed before the slow check and cleared on success, so that tries made at the
    // same time each see the ones before them and cannot all pass as the first.
    this.wraps.setFailures(failures.count + 1, this.options.now());
    const vaultKey = await unwrapWithPassphrase(wrap, passphrase);
    this.wraps.setFailures(0, this.options.now());
    return vaultKey;
  }
}
