import { randomUUID } from 'node:crypto';
import { AppError } from '../../app/app-error';
import type { Database } from 'better-sqlite3';
import { checkKid, checkNonce, checkSecret } from '../../app/barong/credentials';
import { computeSignature } from '../../app/barong/signature';
import type { AuthHeaders } from '../../app/barong/auth-headers';
import { hostOf, originOf } from '../../app/barong/origin';
import { levelOf } from '../../app/domain/agent-policy';
import type { KeyPolicy } from '../../app/domain/agent-policy';
import { changeStampOf, openDatabase } from './database/open-database';
import type { KeychainWrapper } from './keychain-wrapper';
import { SAVED_REQUEST_LIMITS } from '../../app/domain/saved-requests';
import type { Account, AccountSummary, AgentKeyEntry, ApiKey, AuditEntry, PendingKeyCreation, RemoteState, SavedRequest, TimedAgentUse } from './records';
import type { AccountInput, CreatedKeyInput, KeyCreationInput, KeyInput, SavedRequestInput, Settings } from './schemas';
import {
  accountFieldsSchema,
  agentRefusalSchema,
  agentUseSchema,
  agentUseTimeSchema,
  auditUseSchema,
  createdKeyInputSchema,
  idSchema,
  keyCreationSchema,
  keyEditSchema,
  keyInputSchema,
  keyPolicySchema,
  parseInput,
  remoteStateSchema,
  savedRequestInputSchema,
  settingsSchema,
  totpSeedSchema,
} from './schemas';
import { AccountsStore } from './store/accounts-store';
import type { RestoredAccountRow } from './store/accounts-store';
import { AuditStore } from './store/audit-store';
import type { NewAuditEntry } from './store/audit-store';
import { KeysStore, policyOf, storedPolicy } from './store/keys-store';
import type { KeyIdentity, RestoredKeyRow } from './store/keys-store';
import { PendingCreationsStore } from './store/pending-creations-store';
import { SavedRequestsStore, toSavedRequest } from './store/saved-requests-store';
import { SettingsStore } from './store/settings-store';
import { WrapsStore } from './store/wraps-store';
import { VaultAccess } from './vault-access';
import type { ScryptCost, UnlockMethods } from './vault-access';
import { describeKey, SealedRows } from './sealed-rows';
import { UnlockedSecrets } from './unlocked-secrets';
import type { UnlockedKey } from './unlocked-secrets';
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

/** Seals `plaintext` (a temporary copy of a secret) and zeroes it. */
function sealTemporary(plaintext: Buffer, sealWith: (plaintext: Buffer) => Buffer): Buffer {
  try {
    return sealWith(plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/**
 * The settings row that says whether the signing agent is on. It is outside settingsSchema, so that
 * getSettings, and therefore backups, never carry it: a restored vault starts with the agent off.
 */
const AGENT_ENABLED = 'agentEnabled';

/** An audit row as the vault's methods word it: the action, and whatever else it names. */
type AuditFields = Partial<Omit<NewAuditEntry, 'at'>> & { action: string };

/**
 * The trader's accounts and keys, encrypted at rest, every account and key row MACed (see
 * SealedRows). Everything that needs a secret or writes a row asks `access` for the vault key and
 * fails with vault.locked while the vault is locked. While unlocked, each account and key handed
 * out is checked against its MAC first; the accounts list is not (it is display only, and a
 * tampered row must stay visible to be deleted).
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
  private readonly savedRequests: SavedRequestsStore;
  private readonly settings: SettingsStore;
  private readonly audit: AuditStore;
  private readonly rows: SealedRows;
  private readonly unlockedSecrets = new UnlockedSecrets();
  private readonly settingsListeners = new Set<(settings: Settings) => void>();
  private readonly changeStamp: () => string;
  private agentKeysCache: { stamp: string; macKey: Buffer; keys: AgentKeyEntry[] } | undefined;

  private constructor(db: Database, options: VaultOptions) {
    this.db = db;
    this.now = options.now ?? Date.now;
    this.scryptCost = options.scryptCost;
    this.accounts = new AccountsStore(db);
    this.keys = new KeysStore(db);
    this.pendingCreations = new PendingCreationsStore(db);
    this.savedRequests = new SavedRequestsStore(db);
    this.settings = new SettingsStore(db);
    this.audit = new AuditStore(db);
    this.rows = new SealedRows(this.accounts, this.keys, this.savedRequests);
    this.access = new VaultAccess(db, new WrapsStore(db), { keychain: options.keychain, rows: this.rows, now: this.now, scryptCost: options.scryptCost });
    this.access.onLock(() => {
      this.unlockedSecrets.forgetAll();
      this.agentKeysCache = undefined;
    });
    this.changeStamp = changeStampOf(db, () => this.audit.rowsAppended);
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

  isUnlocked(): boolean {
    return this.access.isUnlocked();
  }

  // Accounts

  createAccount(input: AccountInput): Account {
    const fields = parseInput(accountFieldsSchema, input, 'The account');
    const { macKey } = this.access.requireKeys();
    const id = randomUUID();
    this.accounts.insert(id, fields, this.rows.accountMac(macKey, { id, ...fields }), this.now());
    return this.account(id);
  }

  /**
   * Saves the account's fields. A new origin (scheme, host or port of the base URL) moves its
   * keys' secrets and its 2FA seed to that origin in the same transaction: sealed and MACed for
   * it, audited as change-origin. Any other edit is audited as update-account.
   */
  updateAccount(id: string, input: AccountInput): Account {
    const fields = parseInput(accountFieldsSchema, input, 'The account');
    const keys = this.access.requireKeys();
    const current = this.rows.checkedAccount(keys.macKey, parseInput(idSchema, id, 'The account id')) ?? this.throwMissing('account');
    const from = originOf(current.baseUrl);
    const to = originOf(fields.baseUrl);
    this.db.transaction(() => {
      this.accounts.update(id, fields, this.rows.accountMac(keys.macKey, { id, ...fields }), this.now());
      if (from === to) {
        this.appendAudit({ action: 'update-account', accountId: id });
      } else {
        this.rows.rebind(keys, id, from);
        this.appendAudit({ action: 'change-origin', accountId: id, outcome: `from ${hostOf(from)} to ${hostOf(to)}` });
      }
    })();
    this.keys.listByAccount(id).forEach((key) => this.unlockedSecrets.forget(key.id));
    return this.account(id);
  }

  /** The account; while unlocked, only once its row matches its MAC. */
  account(id: string): Account {
    const account = this.accounts.get(id) ?? this.throwMissing('account');
    if (this.access.isUnlocked()) this.rows.checkedAccount(this.access.requireKeys().macKey, id);
    return account;
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
    const { vaultKey, macKey } = this.access.requireKeys();
    const parsed = seed === null ? null : parseInput(totpSeedSchema, seed, 'The 2FA seed');
    const account = this.rows.checkedAccount(macKey, accountId) ?? this.throwMissing('account');
    const sealed =
      parsed === null ? null : sealTemporary(Buffer.from(parsed, 'utf8'), (plain) => this.rows.sealSeed(vaultKey, accountId, originOf(account.baseUrl), plain));
    this.accounts.setTotpSeed(accountId, sealed, this.now());
  }

  /** The stored 2FA seed, for generating codes in the main process only. */
  totpSeed(accountId: string): string | null {
    const { vaultKey, macKey } = this.access.requireKeys();
    const account = this.rows.checkedAccount(macKey, accountId) ?? this.throwMissing('account');
    const { totpSeed } = account;
    if (totpSeed === null) return null;
    const seed = this.rows.openSeed(vaultKey, { ...account, totpSeed });
    try {
      return seed.toString('utf8');
    } finally {
      seed.fill(0);
    }
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

  /** The key; while unlocked, only once its row and its account's match their MACs. */
  key(id: string): ApiKey {
    const key = this.keys.get(id) ?? this.throwMissing('key');
    if (this.access.isUnlocked()) this.rows.checkedKey(this.access.requireKeys().macKey, id);
    return key;
  }

  listKeys(accountId: string): ApiKey[] {
    this.account(accountId);
    if (this.access.isUnlocked()) this.rows.checkedKeysOf(this.access.requireKeys().macKey, accountId);
    return this.keys.listByAccount(accountId);
  }

  editKey(id: string, edit: { label?: string; scopes?: string[] }): ApiKey {
    const changes = parseInput(keyEditSchema, edit, 'The key');
    return this.rewriteKey(id, (current) => ({ ...current, label: changes.label ?? current.label, scopes: changes.scopes ?? current.scopes }));
  }

  markRemoteState(id: string, state: RemoteState): ApiKey {
    const remoteState = parseInput(remoteStateSchema, state, 'The key state');
    return this.rewriteKey(id, (current) => ({ ...current, remoteState }));
  }

  // Saved requests: what the trader signs or sends again, by name, per account. Nothing secret,
  // but a body may hold an order's details: neither bodies nor queries go to the audit log.

  /** The account's saved requests by name, once the account's row and each of theirs pass their MACs. Needs the vault unlocked. */
  listSavedRequests(accountId: string): SavedRequest[] {
    const { macKey } = this.access.requireKeys();
    this.account(parseInput(idSchema, accountId, 'The account id'));
    return this.rows.checkedSavedRequestsOf(macKey, accountId).map(toSavedRequest);
  }

  /**
   * Saves the request under its name for the account, MACed like accounts and keys. Saving under
   * a name the account already uses replaces that saved request (it keeps its id). An account
   * keeps at most SAVED_REQUEST_LIMITS.perAccount; one more under a new name is refused.
   */
  saveRequest(input: SavedRequestInput): SavedRequest {
    const { accountId, name, request } = parseInput(savedRequestInputSchema, input, 'The saved request');
    const { macKey } = this.access.requireKeys();
    if (!this.rows.checkedAccount(macKey, accountId)) this.throwMissing('account');
    return this.db.transaction(() => {
      const existing = this.savedRequests.sealedRowNamed(accountId, name);
      if (!existing && this.savedRequests.count(accountId) >= SAVED_REQUEST_LIMITS.perAccount) {
        throw new AppError('input.invalid', `An account keeps at most ${SAVED_REQUEST_LIMITS.perAccount} saved requests: delete one first.`);
      }
      // Replacing: the row it replaces must be whole first, so that no edit from outside is laundered by a new MAC.
      if (existing) this.rows.checkedSavedRequest(macKey, existing.id);
      const row = {
        id: existing?.id ?? randomUUID(),
        accountId,
        name,
        method: request.method,
        path: request.path,
        query: JSON.stringify(request.query),
        body: request.body === undefined ? null : JSON.stringify(request.body),
        savedAt: this.now(),
      };
      this.savedRequests.put(row, this.rows.savedRequestMac(macKey, row));
      return toSavedRequest(row);
    })();
  }

  /** Deletes a saved request; a row that fails its MAC can be deleted too. */
  deleteSavedRequest(id: string): void {
    this.access.requireKey();
    if (!this.savedRequests.delete(parseInput(idSchema, id, 'The saved request id'))) {
      throw new VaultError('vault.not_found', 'There is no such saved request in the vault.');
    }
  }

  // Agent use: what local programs may sign with each key (app/domain/agent-policy.ts).

  /** The key's policy, once its row (which covers the policy) and its account's pass their MACs. */
  keyPolicy(id: string): KeyPolicy {
    const { macKey } = this.access.requireKeys();
    const { key } = this.rows.checkedKey(macKey, id) ?? this.throwMissing('key');
    return policyOf(key.policy);
  }

  /** Sets what local programs may sign with the key, MACed with the row; audited with its level. The caller has proved the owner. */
  setKeyPolicy(id: string, policy: KeyPolicy): ApiKey {
    const parsed = parseInput(keyPolicySchema, policy, 'The policy');
    const { macKey } = this.access.requireKeys();
    const { key, origin } = this.rows.checkedKey(macKey, id) ?? this.throwMissing('key');
    const next = { ...key, policy: storedPolicy(parsed) };
    this.db.transaction(() => {
      this.keys.setPolicy(id, next.policy, this.rows.keyMac(macKey, next, origin));
      this.appendAudit({ action: 'set-key-policy', accountId: key.accountId, keyId: id, kid: key.kid, outcome: policyOutcome(parsed) });
    })();
    return this.key(id);
  }

  /**
   * Every key with its account and policy, for the signing agent: two reads, every row's MAC
   * checked, then kept until the file changes (here, other than audit rows, or in any other
   * process, such as `barong-vault keys policy` or an edit from outside, which the MACs then catch)
   * or the vault locks.
   */
  agentKeys(): AgentKeyEntry[] {
    const { macKey } = this.access.requireKeys();
    const stamp = this.changeStamp();
    if (this.agentKeysCache?.stamp === stamp && this.agentKeysCache.macKey === macKey) return this.agentKeysCache.keys;
    const keys = this.rows.checkedKeys(macKey).map(({ key, account }) => ({
      keyId: key.id,
      label: key.label,
      kid: key.kid,
      account: { id: account.id, name: account.name, baseUrl: account.baseUrl, origin: originOf(account.baseUrl), nonceLifetimeMs: account.nonceLifetimeMs },
      policy: policyOf(key.policy),
    }));
    // The stamp read before the rows: a change that lands while they are read is read next time.
    this.agentKeysCache = { stamp, macKey, keys };
    return keys;
  }

  /**
   * Records what the signing agent did with requests for keys, with each program's name; never the
   * headers, each at the moment it was answered. One transaction for many: each commit waits for
   * the disk, and the agent signs faster.
   */
  recordAgentUses(uses: readonly TimedAgentUse[]): void {
    // A batch is mostly the same few uses of one key: each distinct use is checked and each key read
    // once. Each key was MAC-checked when the agent found it; a key deleted since keeps its rows.
    const keys = new Map<string, ApiKey | undefined>();
    const rows = new Map<string, AuditFields>();
    const rowOf = (use: (typeof uses)[number]) => {
      const { keyId, client, method, path, outcome } = parseInput(agentUseSchema, use, 'The audit entry');
      if (!keys.has(keyId)) keys.set(keyId, this.keys.get(keyId));
      const key = keys.get(keyId);
      return {
        action: 'agent-use',
        accountId: key?.accountId ?? null,
        keyId,
        kid: key?.kid ?? null,
        method,
        path,
        outcome: `${clientWords(client)}: ${outcome}`,
      };
    };
    const entries = uses.map((use) => {
      // JSON, not a separator: no two different uses may share a key and skip the check.
      const seen = JSON.stringify([use.keyId, use.client, use.method, use.path, use.outcome]);
      let row = rows.get(seen);
      if (row === undefined) rows.set(seen, (row = rowOf(use)));
      return this.auditEntry(row, parseInput(agentUseTimeSchema, use.at, "The audit entry's time"));
    });
    this.db.transaction(() => this.audit.append(entries))();
  }

  /** Records a program the signing agent refused before any key was in question: a wrong token, an unknown key. */
  recordAgentRefusal(refusal: { client?: string; method?: string; path?: string; reason: string }): void {
    const { client, method, path, reason } = parseInput(agentRefusalSchema, refusal, 'The audit entry');
    this.appendAudit({ action: 'agent-refused', method: method ?? null, path: path ?? null, outcome: `${clientWords(client)}: ${reason}` });
  }

  /** Deletes the key; a row that fails its MAC can be deleted too. */
  deleteKey(id: string): void {
    const key = this.keys.get(id) ?? this.throwMissing('key');
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

  /**
   * The three X-Auth headers for a nonce; the secret never leaves the vault. `origin` is where the
   * request goes (or the command is for): a key signs only for its account's origin.
   */
  sign(id: string, nonce: string, origin: string): AuthHeaders {
    checkNonce(nonce);
    // Checked on every call, not only at the first decrypt: a locked vault signs nothing.
    this.access.requireKey();
    const key = this.unlockedSecrets.get(id, () => this.decryptSecret(id));
    // The key's own origin, as the agent passes it, needs no parsing: parsing costs more than the signature.
    const asked = origin === key.origin ? origin : originOrUndefined(origin);
    if (asked !== key.origin) {
      throw new VaultError(
        'vault.origin_mismatch',
        `The ${key.name} signs for ${hostOf(key.origin)} only, not for ${asked === undefined ? 'that address' : hostOf(asked)}.`,
      );
    }
    return { 'X-Auth-Apikey': key.kid, 'X-Auth-Nonce': nonce, 'X-Auth-Signature': computeSignature({ kid: key.kid, secret: key.secret, nonce }) };
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

  /** Records a privileged request and how the owner check ended: what was tried, in words, never a secret. */
  recordOwnerCheck(check: { channel: string; action: string; outcome: string }): void {
    this.appendAudit({ action: 'owner-check', outcome: `${check.outcome}: ${check.action} (${check.channel})` });
  }

  /** Records a clock offset refused as too large, in its words: whoever answered the time endpoint tried to move the nonces. */
  recordClockRefusal(accountId: string, words: string): void {
    this.appendAudit({ action: 'clock-refused', accountId, outcome: words });
  }

  /** Records a call a door does not open: who knocked on which channel. */
  recordDoorRefusal(refusal: { door: string; channel: string }): void {
    this.appendAudit({ action: 'door-refused', outcome: `${refusal.channel} through the ${refusal.door} door` });
  }

  // Settings and audit

  /** Whether the owner turned the signing agent on; readable while locked, since the app serves from its start. */
  agentEnabled(): boolean {
    return this.settings.all()[AGENT_ENABLED] === true;
  }

  /** Remembers the owner's choice and audits it. Only the owner's channel comes here: it is privileged to turn on. */
  setAgentEnabled(enabled: boolean): void {
    this.settings.put({ [AGENT_ENABLED]: enabled });
    this.appendAudit({ action: 'agent-switch', outcome: enabled ? 'signing agent on' : 'signing agent off' });
  }

  /** Records a signing proxy started or stopped for a key: its port, never its url, which holds the token. */
  recordProxySwitch(keyId: string, outcome: string): void {
    const key = this.key(keyId);
    this.appendAudit({ action: 'agent-switch', accountId: key.accountId, keyId, kid: key.kid, outcome });
  }

  getSettings(): Settings {
    const stored = this.settings.all();
    // A stored value this version does not accept falls back to its default rather than failing.
    const defaults = settingsSchema.parse({});
    const valid = Object.entries(stored).filter(([name, value]) => settingsSchema.shape[name as keyof Settings]?.safeParse(value).success);
    return { ...defaults, ...Object.fromEntries(valid) };
  }

  /** Saves the settings given (a backup restore comes this way too) and tells the listeners. */
  updateSettings(changes: Partial<Settings>): Settings {
    // Only the settings given are parsed: with partial(), zod fills every missing one in with its
    // default, which would undo the trader's earlier changes.
    const given: Partial<Record<keyof Settings, true>> = {};
    for (const [name, value] of Object.entries(changes)) if (value !== undefined && name in settingsSchema.shape) given[name as keyof Settings] = true;
    return this.applySettings(parseInput(settingsSchema.pick(given), changes, 'The settings'));
  }

  /** Runs `listener` with the whole new settings after each change. */
  onSettingsChanged(listener: (settings: Settings) => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  auditLog(limit = 100, beforeId?: number): AuditEntry[] {
    return this.audit.list(limit, beforeId);
  }

  // Backup (main/vault/backup/vault-backup.ts builds on these)

  /** Runs `work` in one write transaction: a throw rolls back everything it wrote. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Writes an account from a backup with its own id, order and times, its 2FA seed sealed and the row MACed with this vault's keys. */
  restoreAccount(row: Omit<RestoredAccountRow, 'totpSeed'>, totpSeed: string | null): void {
    const { vaultKey, macKey } = this.access.requireKeys();
    const origin = originOf(row.baseUrl);
    const sealed = totpSeed === null ? null : sealTemporary(Buffer.from(totpSeed, 'utf8'), (plain) => this.rows.sealSeed(vaultKey, row.id, origin, plain));
    this.accounts.restore({ ...row, totpSeed: sealed }, this.rows.accountMac(macKey, row));
  }

  /** Writes a key from a backup (its account already here) with its own id and times; `secret` is sealed, then zeroed. */
  restoreKey(row: Omit<RestoredKeyRow, 'secret'>, secret: Buffer): void {
    const { vaultKey, macKey } = this.access.requireKeys();
    const account = this.rows.checkedAccount(macKey, row.accountId) ?? this.throwMissing('account');
    const origin = originOf(account.baseUrl);
    const sealed = sealTemporary(secret, (plain) => this.rows.sealSecret(vaultKey, row, origin, plain));
    // Policies do not travel in backups: a restored key starts closed to local programs (DEFAULT_POLICY).
    this.keys.restore({ ...row, secret: sealed }, this.rows.keyMac(macKey, { ...row, policy: null }, origin));
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
    const id = this.keys.idByKid(accountId, kid);
    if (id === undefined) return undefined;
    const { secret } = this.decryptSecret(id);
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
    keyOrigin: 'imported' | 'created',
    alsoInTransaction: () => void = () => undefined,
  ): { key: ApiKey; warnings: string[] } {
    const { vaultKey, macKey } = this.access.requireKeys();
    const account = this.rows.checkedAccount(macKey, input.accountId) ?? this.throwMissing('account');
    const origin = originOf(account.baseUrl);
    const warnings = [...checkKid(input.kid), ...checkSecret(input.secret)];
    const identity: KeyIdentity = {
      id: randomUUID(),
      accountId: input.accountId,
      kid: input.kid,
      label: input.label,
      scopes: input.scopes,
      remoteState: input.remoteState,
      origin: keyOrigin,
      policy: null,
    };
    this.db.transaction(() => {
      if (this.keys.exists(input.accountId, input.kid)) {
        throw new VaultError('vault.duplicate_kid', `This account already has a key with the id ${input.kid}.`);
      }
      const secret = sealTemporary(Buffer.from(input.secret, 'utf8'), (plain) => this.rows.sealSecret(vaultKey, identity, origin, plain));
      this.keys.insert({ ...identity, secret, createdAt: this.now() }, this.rows.keyMac(macKey, identity, origin));
      this.appendAudit({ action: keyOrigin === 'created' ? 'create-key' : 'import-key', accountId: input.accountId, keyId: identity.id, kid: input.kid });
      alsoInTransaction();
    })();
    return { key: this.key(identity.id), warnings };
  }

  /** Label, scopes or remote state changed, the row MACed again. */
  private rewriteKey(id: string, change: (current: KeyIdentity) => KeyIdentity): ApiKey {
    const { macKey } = this.access.requireKeys();
    const { key, origin } = this.rows.checkedKey(macKey, id) ?? this.throwMissing('key');
    const next = change(key);
    this.keys.update(id, next, this.rows.keyMac(macKey, next, origin));
    this.unlockedSecrets.forget(id);
    return this.key(id);
  }

  /** The key's secret with what signing needs to know of it, once its row and account pass their MACs. */
  private decryptSecret(id: string): UnlockedKey {
    const { vaultKey, macKey } = this.access.requireKeys();
    const { key, account, origin } = this.rows.checkedKey(macKey, id) ?? this.throwMissing('key');
    return { kid: key.kid, secret: this.rows.openSecret(vaultKey, key, origin, account), origin, name: describeKey(key, account) };
  }

  private applySettings(values: Partial<Settings>): Settings {
    this.settings.put(values);
    const settings = this.getSettings();
    this.settingsListeners.forEach((listener) => listener(settings));
    return settings;
  }

  private appendAudit(entry: AuditFields): void {
    this.audit.append([this.auditEntry(entry)]);
  }

  /** A row as stored: at its time (now, unless the entry was made earlier), and null for what the entry does not say. */
  private auditEntry(entry: AuditFields, at: number = this.now()): NewAuditEntry {
    return { at, accountId: null, keyId: null, kid: null, method: null, path: null, status: null, outcome: null, ...entry };
  }

  private missing(what: 'account' | 'key'): VaultError {
    return new VaultError('vault.not_found', `There is no such ${what} in the vault.`);
  }

  private throwMissing(what: 'account' | 'key'): never {
    throw this.missing(what);
  }
}

/** A policy change as the audit log words it: on or off, the level, and any withdrawal path named. */
function policyOutcome(policy: KeyPolicy): string {
  const withdrawals = policy.withdrawalPaths.length === 0 ? '' : `, withdrawals at ${policy.withdrawalPaths.join(', ')}`;
  return `agent use ${policy.agentUse ? 'on' : 'off'}, level ${levelOf(policy)}${withdrawals}`;
}

const clientWords = (client: string | undefined) => (client === undefined ? 'an unnamed program' : `client "${client}"`);

function originOrUndefined(url: string): string | undefined {
  try {
    return originOf(url);
  } catch {
    return undefined;
  }
}
