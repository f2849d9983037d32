import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { KEY_BYTES } from './crypto/envelope';
import type { KeyWrap, Unwrapped } from './crypto/key-wraps';
import { unwrapWithKeychain, unwrapWithPassphrase, wrapWithKeychain, wrapWithPassphrase } from './crypto/key-wraps';
import type { ScryptParams } from './crypto/passphrase-kdf';
import { deriveRowMacKey } from './crypto/row-mac';
import type { KeychainWrapper } from './keychain-wrapper';
import { parseInput, passphraseSchema } from './schemas';
import type { RowKeys } from './sealed-rows';
import type { WrapsStore } from './store/wraps-store';
import { retryDelayMs } from './unlock-throttle';
import { VaultError } from './vault-error';

export type ScryptCost = Omit<ScryptParams, 'salt'>;

/** What access changes need of the rows sealed with the vault key (Vault passes its SealedRows). */
export interface RowSealer {
  /** Re-seals and re-MACs every row from one vault key to another; runs in the caller's transaction. */
  rekey(from: RowKeys, to: Buffer): void;
  /** Whether any row carries a MAC yet. */
  anyMac(): boolean;
  /** Seals and MACs the rows of a vault from before row MACs; runs in the caller's transaction. */
  upgradeLegacy(keys: RowKeys): void;
}

export interface AccessOptions {
  keychain: KeychainWrapper | undefined;
  rows: RowSealer;
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
 * Who may use the vault: setup, unlock, lock, and changes to how the vault key is wrapped. A
 * change of passphrase also changes the vault key (every row re-sealed in one transaction), so
 * that an old copy of the passphrase wrap, or the old passphrase, opens nothing current.
 */
export class VaultAccess {
  private keys: RowKeys | null = null;
  private readonly lockListeners = new Set<() => void>();
  private readonly unlockListeners = new Set<() => void>();
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
    return this.keys !== null;
  }

  requireKey(): Buffer {
    return this.requireKeys().vaultKey;
  }

  /** The vault key and the row MAC key derived from it. */
  requireKeys(): RowKeys {
    if (!this.keys) throw new VaultError('vault.locked', 'The vault is locked: unlock it first.');
    return this.keys;
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
    this.checkpoint();
    this.adopt(vaultKey);
  }

  /** Keychain first where configured; the passphrase when given (or when there is no keychain wrap). */
  async unlock(passphrase?: string): Promise<void> {
    if (this.keys) return;
    const wraps = this.wraps.all();
    if (wraps.length === 0) throw new VaultError('vault.not_set_up', 'There is no vault yet: create one first.');
    const keychainWrap = wraps.find((wrap) => wrap.kind === 'keychain');
    if (passphrase === undefined && keychainWrap?.kind !== 'keychain')
      throw new VaultError('vault.passphrase_required', 'Enter the passphrase to unlock the vault.');
    const unwrapped =
      keychainWrap?.kind === 'keychain' && passphrase === undefined
        ? await unwrapWithKeychain(keychainWrap, this.keychain())
        : await this.checkPassphrase(passphrase ?? '');
    try {
      if (unwrapped.legacy) await this.upgradeLegacyWrap(unwrapped);
    } catch (error) {
      unwrapped.vaultKey.fill(0);
      throw error;
    }
    // Another unlock finished while this one waited: keep the key already in use.
    if (this.keys) unwrapped.vaultKey.fill(0);
    else this.adopt(unwrapped.vaultKey);
  }

  /**
   * Proves the owner is still the one at the vault (see main/privilege): the passphrase must open
   * the passphrase wrap to this very vault key. A wrong one counts towards the unlock throttle.
   */
  async confirmPassphrase(passphrase: string): Promise<void> {
    this.requireKey();
    const again = (await this.checkPassphrase(passphrase)).vaultKey;
    try {
      // Locked while the check ran: the key is gone and nothing may go ahead.
      if (!timingSafeEqual(again, this.requireKey())) throw new VaultError('vault.tampered', 'The passphrase wrap does not open to the vault key in use.');
    } finally {
      again.fill(0);
    }
  }

  lock(): void {
    if (!this.keys) return;
    this.forgetKeys();
    this.lockListeners.forEach((listener) => listener());
  }

  /** Runs `listener` at every lock, so that holders of derived state (sessions, caches) drop it. */
  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Runs `listener` once the vault is unlocked, after setup and after each unlock. */
  onUnlock(listener: () => void): () => void {
    this.unlockListeners.add(listener);
    return () => this.unlockListeners.delete(listener);
  }

  /**
   * Sets the passphrase, or changes it: `current` is required whenever the vault has one. A
   * change rotates the vault key: a new key, every secret and seed re-sealed and every row
   * re-MACed under it, the passphrase (and keychain) wrapped anew, all in one transaction.
   * (A keychain-only vault has no current secret to give: the caller proves the owner first.)
   */
  async setPassphrase(current: string | undefined, next: string): Promise<void> {
    this.requireKey();
    parseInput(passphraseSchema, next, 'The new passphrase');
    if (!this.methods().passphrase) {
      await this.withKeyCopy(async (vaultKey) => this.wraps.put(await this.passphraseWrap(vaultKey, next), this.options.now()));
      this.checkpoint();
      return;
    }
    if (current === undefined) throw new VaultError('vault.passphrase_required', 'Enter the current passphrase to change it.');
    const old = await this.checkPassphrase(current);
    const oldKeys = { vaultKey: old.vaultKey, macKey: deriveRowMacKey(old.vaultKey) };
    const newKey = randomBytes(KEY_BYTES);
    try {
      const wraps = [await this.passphraseWrap(newKey, next)];
      const keychainWrap = this.wraps.all().find((wrap) => wrap.kind === 'keychain');
      if (keychainWrap) wraps.push(await wrapWithKeychain(newKey, this.keychain()));
      const now = this.options.now();
      this.db.transaction(() => {
        this.options.rows.rekey(oldKeys, newKey);
        wraps.forEach((wrap) => this.wraps.put(wrap, now));
      })();
    } catch (error) {
      newKey.fill(0);
      throw error;
    } finally {
      oldKeys.vaultKey.fill(0);
      oldKeys.macKey.fill(0);
    }
    this.checkpoint();
    // Locked while the change ran: the new key waits, wrapped, for the next unlock.
    if (this.keys) this.replaceKeys(newKey);
    else newKey.fill(0);
  }

  /**
   * Leaves the keychain as the only way in, so it must still open this vault: its wrap is
   * unwrapped and compared with the passphrase's before the passphrase wrap goes.
   */
  async removePassphrase(current: string): Promise<void> {
    this.requireKey();
    const keychainWrap = this.wraps.all().find((wrap) => wrap.kind === 'keychain');
    if (keychainWrap?.kind !== 'keychain') throw new VaultError('vault.no_unlock_method', 'Add the keychain first: the vault needs a way to be unlocked.');
    const fromPassphrase = (await this.checkPassphrase(current)).vaultKey;
    try {
      const fromKeychain = await this.keychainKeyForRemoval(keychainWrap);
      try {
        if (!timingSafeEqual(fromKeychain, fromPassphrase)) throw keychainNoLongerOpens();
      } finally {
        fromKeychain.fill(0);
      }
    } finally {
      fromPassphrase.fill(0);
    }
    this.wraps.remove('passphrase');
    this.checkpoint();
  }

  async addKeychain(): Promise<void> {
    await this.withKeyCopy(async (vaultKey) => this.wraps.put(await wrapWithKeychain(vaultKey, this.keychain()), this.options.now()));
    this.checkpoint();
  }

  removeKeychain(): void {
    this.requireKey();
    if (!this.methods().passphrase) throw new VaultError('vault.no_unlock_method', 'Set a passphrase first: the vault needs a way to be unlocked.');
    this.wraps.remove('keychain');
    this.checkpoint();
  }

  private adopt(vaultKey: Buffer): void {
    this.keys = { vaultKey, macKey: deriveRowMacKey(vaultKey) };
    this.unlockListeners.forEach((listener) => listener());
  }

  private replaceKeys(vaultKey: Buffer): void {
    this.forgetKeys();
    this.keys = { vaultKey, macKey: deriveRowMacKey(vaultKey) };
  }

  private forgetKeys(): void {
    this.keys?.vaultKey.fill(0);
    this.keys?.macKey.fill(0);
    this.keys = null;
  }

  /**
   * A wrap from before row MACs unlocked the vault. If no row has a MAC yet, this is the first
   * unlock since the upgrade: the rows are sealed and MACed now. Either way the wrap is rewritten
   * in today's format, in the same transaction, so it never counts as old again.
   */
  private async upgradeLegacyWrap(unwrapped: Unwrapped): Promise<void> {
    const keychainWrap = this.wraps.all().find((wrap) => wrap.kind === 'keychain');
    const rewrapped = unwrapped.rewrapped ?? (keychainWrap ? await wrapWithKeychain(unwrapped.vaultKey, this.keychain()) : undefined);
    const macKey = deriveRowMacKey(unwrapped.vaultKey);
    try {
      this.db.transaction(() => {
        if (!this.options.rows.anyMac()) this.options.rows.upgradeLegacy({ vaultKey: unwrapped.vaultKey, macKey });
        if (rewrapped) this.wraps.put(rewrapped, this.options.now());
      })();
    } finally {
      macKey.fill(0);
    }
    this.checkpoint();
  }

  private async keychainKeyForRemoval(wrap: Extract<KeyWrap, { kind: 'keychain' }>): Promise<Buffer> {
    try {
      return (await unwrapWithKeychain(wrap, this.keychain())).vaultKey;
    } catch (error) {
      if (error instanceof VaultError && (error.code === 'vault.keychain_changed' || error.code === 'vault.keychain_unavailable'))
        throw keychainNoLongerOpens();
      throw error;
    }
  }

  // A wrap change leaves the old wrap in the write-ahead log until a checkpoint: truncate it now.
  private checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
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
  private async checkPassphrase(passphrase: string): Promise<Unwrapped> {
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
    const unwrapped = await unwrapWithPassphrase(wrap, passphrase);
    this.wraps.setFailures(0, this.options.now());
    return unwrapped;
  }
}

const keychainNoLongerOpens = () =>
  new VaultError(
    'vault.keychain_changed',
    'The keychain no longer opens this vault, so the passphrase is its only way in: it was kept. Add the keychain again first.',
  );
