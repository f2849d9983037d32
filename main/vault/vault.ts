import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { checkKid, checkNonce, checkSecret } from '../../app/barong/credentials';
import { computeSignature } from '../../app/barong/signature';
import type { AuthHeaders } from '../../app/barong/auth-headers';
import { open, seal } from './crypto/envelope';
import { openDatabase } from './database/open-database';
import type { KeychainWrapper } from './keychain-wrapper';
import type { Account, AccountSummary, ApiKey, AuditEntry, PendingKeyCreation, RemoteState } from './records';
import type { AccountInput, CreatedKeyInput, KeyCreationInput, KeyInput, Settings } from './schemas';
import {
  accountFieldsSchema,
  auditUseSchema,
  createdKeyInputSchema,
  idSchema,
  keyCreationSchema,
  keyEditSchema,
  keyInputSchema,
  parseInput,
  remoteStateSchema,
  settingsSchema,
  totpSeedSchema,
} from './schemas';
import { AccountsStore } from './store/accounts-store';
import type { RestoredAccountRow } from './store/accounts-store';
import { AuditStore } from './store/audit-store';
import { KeysStore } from './store/keys-store';
import type { RestoredKeyRow } from './store/keys-store';
import { PendingCreationsStore } from './store/pending-creations-store';
import { SettingsStore } from './store/settings-store';
import { WrapsStore } from './store/wraps-store';
import { VaultAccess } from './vault-access';
import type { ScryptCost, UnlockMethods } from './vault-access';
import { UnlockedSecrets } from './unlocked-secrets';
import { VaultError } from './vault-error';

export interface VaultOptions {
  /** The SQLite file; created (mode 0600) when missing. */
  path: string;
  keychain?: KeychainWrapper;
  now?: () => number;
  scryptCost?: ScryptCost;
  /** better-sqlite3's addon for this runtime (Electron's ABI in the app); the default build otherwise. */
  nativeBinding?: string;
}

export interface VaultStatus extends UnlockMethods {
  setUp: boolean;
  unlocked: boolean;
}

// Associated data binds each ciphertext to its row: copied onto another row, it fails to open.
const secretAd = (accountId: string, kid: string) => `api-key-secret\n${accountId}\n${kid}`;
const totpSeedAd = (accountId: string) => `totp-seed\n${accountId}`;

/**
 * The trader's accounts and keys, encrypted at rest. Everything that needs a secret asks
 * `access` for the vault key and fails with vault.locked while the vault is locked.
 */
export class Vault {
  readonly access: VaultAccess;
  private readonly db: Database;
  readonly now: () => number;
  /** The scrypt cost of new passphrase wraps and backups; the default when undefined. */
  readonly scryptCost: ScryptCost | undefined;
  private readonly accounts: AccountsStore;
  private readonly keys: KeysStore;
  private readonly pendingCreations: PendingCreationsStore;
  private readonly settings: SettingsStore;
  private readonly audit: AuditStore;
  private readonly unlockedSecrets = new UnlockedSecrets();

  private constructor(db: Database, options: VaultOptions) {
    this.db = db;
    this.now = options.now ?? Date.now;
    this.scryptCost = options.scryptCost;
    this.accounts = new AccountsStore(db);
    this.keys = new KeysStore(db);
    this.pendingCreations = new PendingCreationsStore(db);
    this.settings = new SettingsStore(db);
    this.audit = new AuditStore(db);
    this.access = new VaultAccess(db, new WrapsStore(db), { keychain: options.keychain, now: this.now, scryptCost: options.scryptCost });
    this.access.onLock(() => this.unlockedSecrets.forgetAll());
  }

  static open(options: VaultOptions): Vault {
    return new Vault(openDatabase(options.path, undefined, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }), options);
  }

  close(): void {
    this.access.lock();
    this.db.close();
  }

  status(): VaultStatus {
    return { setUp: this.access.isSetUp(), unlocked: this.access.isUnlocked(), ...this.access.methods() };
  }

  // Accounts

  createAccount(input: AccountInput): Account {
    const fields = parseInput(accountFieldsSchema, input, 'The account');
    const id = randomUUID();
    this.accounts.insert(id, fields, this.now());
    return this.account(id);
  }

  updateAccount(id: string, input: AccountInput): Account {
    const fields = parseInput(accountFieldsSchema, input, 'The account');
    if (!this.accounts.update(parseInput(idSchema, id, 'The account id'), fields, this.now())) throw this.missing('account');
    return this.account(id);
  }

  account(id: string): Account {
    return this.accounts.get(id) ?? this.throwMissing('account');
  }

  listAccounts(): AccountSummary[] {
    return this.accounts.listWithKeyNames();
  }

  /** Puts the accounts in the given order; every account must be named once. */
  reorderAccounts(ids: string[]): void {
    const known = this.accounts.ids();
    if (ids.length !== known.length || new Set(ids).size !== ids.length || !ids.every((id) => known.includes(id))) {
      throw new VaultError('vault.not_found', 'The new order must name every account exactly once.');
    }
    this.db.transaction(() => ids.forEach((id, index) => this.accounts.setSortOrder(id, index)))();
  }

  /** Deletes the account and, with it, its keys and 2FA seed. */
  deleteAccount(id: string): void {
    const keyIds = this.accounts.get(id) ? this.keys.listByAccount(id).map((key) => key.id) : [];
    if (!this.accounts.delete(id)) throw this.missing('account');
    keyIds.forEach((keyId) => this.unlockedSecrets.forget(keyId));
  }

  setTotpSeed(accountId: string, seed: string | null): void {
    const sealed = seed === null ? null : seal(this.access.requireKey(), Buffer.from(parseInput(totpSeedSchema, seed, 'The 2FA seed')), totpSeedAd(accountId));
    if (!this.accounts.setTotpSeed(accountId, sealed, this.now())) throw this.missing('account');
  }

  /** The stored 2FA seed, for generating codes in the main process only. */
  totpSeed(accountId: string): string | null {
    const sealed = this.accounts.totpSeed(accountId);
    if (sealed === undefined) throw this.missing('account');
    if (sealed === null) return null;
    return open(this.access.requireKey(), sealed, totpSeedAd(accountId), 'The 2FA seed').toString('utf8');
  }

  // Keys

  /** Stores a key pasted by the trader. Returns warnings about unusual key shapes. */
  importKey(input: KeyInput): { key: ApiKey; warnings: string[] } {
    const parsed = parseInput(keyInputSchema, input, 'The key');
    return this.storeKey({ ...parsed, remoteState: 'unknown' }, 'imported');
  }

  /** Stores a key the exchange just created, with the state it reported. */
  storeCreatedKey(input: CreatedKeyInput): { key: ApiKey; warnings: string[] } {
    return this.storeKey(parseInput(createdKeyInputSchema, input, 'The key'), 'created');
  }

  /**
   * Write-ahead for a key the exchange is about to create: recorded (without any secret) before
   * the request goes out, so that a crash before the answer is stored leaves a trace. Needs the
   * vault unlocked, since the answer could not be stored otherwise.
   */
  beginKeyCreation(input: KeyCreationInput): PendingKeyCreation {
    const parsed = parseInput(keyCreationSchema, input, 'The key creation');
    this.access.requireKey();
    this.account(parsed.accountId);
    const pending: PendingKeyCreation = { id: randomUUID(), accountId: parsed.accountId, label: parsed.label, scopes: parsed.scopes, startedAt: this.now() };
    this.pendingCreations.insert(pending);
    return pending;
  }

  /**
   * Stores the key the exchange created and clears its pending creation in one transaction: after
   * a crash either both happened or neither. A creation dismissed meanwhile does not stop the
   * key from being stored; its secret exists nowhere else.
   */
  completeKeyCreation(pendingId: string, input: CreatedKeyInput): { key: ApiKey; warnings: string[] } {
    return this.storeKey(parseInput(createdKeyInputSchema, input, 'The key'), 'created', () => this.pendingCreations.delete(pendingId));
  }

  /** Creations whose answer never reached the vault: the trader should check the exchange's key list. */
  pendingKeyCreations(accountId?: string): PendingKeyCreation[] {
    return this.pendingCreations.list(accountId);
  }

  /** Forgets a pending creation: the exchange refused it, or the trader has dealt with it. */
  dismissKeyCreation(id: string): void {
    const pending = this.pendingCreations.get(id);
    if (!pending) throw new VaultError('vault.not_found', 'There is no such pending key creation in the vault.');
    this.db.transaction(() => {
      this.pendingCreations.delete(id);
      this.appendAudit({ action: 'dismiss-key-creation', accountId: pending.accountId });
    })();
  }

  key(id: string): ApiKey {
    return this.keys.get(id) ?? this.throwMissing('key');
  }

  listKeys(accountId: string): ApiKey[] {
    this.account(accountId);
    return this.keys.listByAccount(accountId);
  }

  editKey(id: string, edit: { label?: string; scopes?: string[] }): ApiKey {
    const changes = parseInput(keyEditSchema, edit, 'The key');
    const current = this.key(id);
    this.keys.update(id, { label: changes.label ?? current.label, scopes: changes.scopes ?? current.scopes });
    return this.key(id);
  }

  markRemoteState(id: string, state: RemoteState): ApiKey {
    if (!this.keys.setRemoteState(id, parseInput(remoteStateSchema, state, 'The key state'))) throw this.missing('key');
    return this.key(id);
  }

  deleteKey(id: string): void {
    const key = this.key(id);
    this.db.transaction(() => {
      this.keys.delete(id);
      this.appendAudit({ action: 'delete-key', accountId: key.accountId, keyId: id, kid: key.kid });
    })();
    this.unlockedSecrets.forget(id);
  }

  /** The secret itself: only for an explicit, re-authorised reveal. Audited. */
  revealSecret(id: string): string {
    const key = this.key(id);
    const { secret } = this.decryptSecret(id);
    try {
      this.appendAudit({ action: 'reveal-secret', accountId: key.accountId, keyId: id, kid: key.kid });
      return secret.toString('utf8');
    } finally {
      secret.fill(0);
    }
  }

  /** The three X-Auth headers for a nonce; the secret never leaves the vault. */
  sign(id: string, nonce: string): AuthHeaders {
    checkNonce(nonce);
    // Checked on every call, not only at the first decrypt: a locked vault signs nothing.
    this.access.requireKey();
    const { kid, secret } = this.unlockedSecrets.get(id, () => this.decryptSecret(id));
    return { 'X-Auth-Apikey': kid, 'X-Auth-Nonce': nonce, 'X-Auth-Signature': computeSignature({ kid, secret, nonce }) };
  }

  /** Records that a key was used (copied, sent) and how it went; never the headers or the body. */
  recordUse(id: string, use: { action: 'sign' | 'send' | 'copy'; method?: string; path?: string; status?: number; outcome?: string }): void {
    const parsed = parseInput(auditUseSchema, use, 'The audit entry');
    const key = this.key(id);
    this.db.transaction(() => {
      this.keys.touch(id, this.now());
      this.appendAudit({ ...parsed, accountId: key.accountId, keyId: id, kid: key.kid });
    })();
  }

  // Settings and audit

  getSettings(): Settings {
    const stored = this.settings.all();
    // A stored value this version does not accept falls back to its default rather than failing.
    const defaults = settingsSchema.parse({});
    const valid = Object.entries(stored).filter(([name, value]) => settingsSchema.shape[name as keyof Settings]?.safeParse(value).success);
    return { ...defaults, ...Object.fromEntries(valid) };
  }

  updateSettings(changes: Partial<Settings>): Settings {
    // Only the settings given are parsed: with partial(), zod fills every missing one in with its
    // default, which would undo the trader's earlier changes.
    const given: Partial<Record<keyof Settings, true>> = {};
    for (const [name, value] of Object.entries(changes)) if (value !== undefined && name in settingsSchema.shape) given[name as keyof Settings] = true;
    this.settings.put(parseInput(settingsSchema.pick(given), changes, 'The settings'));
    return this.getSettings();
  }

  auditLog(limit = 100, beforeId?: number): AuditEntry[] {
    return this.audit.list(limit, beforeId);
  }

  // Backup (main/vault/backup/vault-backup.ts builds on these)

  /** Runs `work` in one write transaction: a throw rolls back everything it wrote. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Writes an account from a backup with its own id, order and times, its 2FA seed sealed with this vault's key. */
  restoreAccount(row: Omit<RestoredAccountRow, 'totpSeed'>, totpSeed: string | null): void {
    const vaultKey = this.access.requireKey();
    this.accounts.restore({ ...row, totpSeed: totpSeed === null ? null : seal(vaultKey, Buffer.from(totpSeed, 'utf8'), totpSeedAd(row.id)) });
  }

  /** Writes a key from a backup with its own id and times, its secret sealed with this vault's key. */
  restoreKey(row: Omit<RestoredKeyRow, 'secret'>, secret: Buffer): void {
    this.keys.restore({ ...row, secret: seal(this.access.requireKey(), secret, secretAd(row.accountId, row.kid)) });
  }

  /** Lends the key's decrypted secret to `use`, and zeroes it afterwards; `use` must not keep it. */
  withSecret<T>(keyId: string, use: (secret: Buffer) => T): T {
    const { secret } = this.decryptSecret(keyId);
    try {
      return use(secret);
    } finally {
      secret.fill(0);
    }
  }

  /** Whether the account's key with this kid holds `candidate`; undefined when it has no such key. */
  holdsSecret(accountId: string, kid: string, candidate: Buffer): boolean | undefined {
    const sealed = this.keys.sealedSecretByKid(accountId, kid);
    if (sealed === undefined) return undefined;
    const secret = open(this.access.requireKey(), sealed, secretAd(accountId, kid), 'The API secret');
    try {
      return secret.equals(candidate);
    } finally {
      secret.fill(0);
    }
  }

  /** The audit row of a backup export or import: counts only. */
  recordBackup(action: 'export-backup' | 'import-backup', outcome: string): void {
    this.appendAudit({ action, outcome });
  }

  private storeKey(
    input: ReturnType<typeof createdKeyInputSchema.parse>,
    origin: 'imported' | 'created',
    alsoInTransaction: () => void = () => undefined,
  ): { key: ApiKey; warnings: string[] } {
    const vaultKey = this.access.requireKey();
    this.account(input.accountId);
    const warnings = [...checkKid(input.kid), ...checkSecret(input.secret)];
    const id = randomUUID();
    this.db.transaction(() => {
      if (this.keys.exists(input.accountId, input.kid)) {
        throw new VaultError('vault.duplicate_kid', `This account already has a key with the id ${input.kid}.`);
      }
      const secret = seal(vaultKey, Buffer.from(input.secret, 'utf8'), secretAd(input.accountId, input.kid));
      this.keys.insert({ id, accountId: input.accountId, kid: input.kid, label: input.label, scopes: input.scopes, remoteState: input.remoteState, origin, secret, createdAt: this.now() });
      this.appendAudit({ action: origin === 'created' ? 'create-key' : 'import-key', accountId: input.accountId, keyId: id, kid: input.kid });
      alsoInTransaction();
    })();
    return { key: this.key(id), warnings };
  }

  private decryptSecret(id: string): { kid: string; secret: Buffer } {
    const sealed = this.keys.sealedSecret(id) ?? this.throwMissing('key');
    return { kid: sealed.kid, secret: open(this.access.requireKey(), sealed.secret, secretAd(sealed.accountId, sealed.kid), 'The API secret') };
  }

  private appendAudit(entry: Partial<Omit<AuditEntry, 'id' | 'at'>> & { action: string }): void {
    this.audit.append({ at: this.now(), accountId: null, keyId: null, kid: null, method: null, path: null, status: null, outcome: null, ...entry });
  }

  private missing(what: 'account' | 'key'): VaultError {
    return new VaultError('vault.not_found', `There is no such ${what} in the vault.`);
  }

  private throwMissing(what: 'account' | 'key'): never {
    throw this.missing(what);
  }
}
