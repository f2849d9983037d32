import { originOf } from '../../app/barong/origin';
import { open, seal } from './crypto/envelope';
import { deriveRowMacKey, rowMac, rowMacMatches } from './crypto/row-mac';
import type { AccountIdentity, AccountsStore, SealedAccountRow } from './store/accounts-store';
import type { KeyIdentity, KeysStore, SealedKeyRow } from './store/keys-store';
import type { SavedRequestIdentity, SavedRequestsStore, SealedSavedRequestRow } from './store/saved-requests-store';
import { VaultError } from './vault-error';

/** The vault key (AES-GCM of secrets and seeds) and the row MAC key derived from it. */
export interface RowKeys {
  vaultKey: Buffer;
  macKey: Buffer;
}

type KeyBinding = Pick<KeyIdentity, 'id' | 'accountId' | 'kid'>;

// Associated data binds each ciphertext to its row, its account and the origin that account signs
// for: copied onto another row, or left behind when the account's URL is rewritten, it fails to open.
export const secretAd = (key: KeyBinding, origin: string) => `api-key-secret/v2\n${key.id}\n${key.accountId}\n${origin}\n${key.kid}`;
export const totpSeedAd = (accountId: string, origin: string) => `totp-seed/v2\n${accountId}\n${origin}`;
// As written by vaults of database version 6 and older, before rows were MACed.
const legacySecretAd = (key: KeyBinding) => `api-key-secret\n${key.accountId}\n${key.kid}`;
const legacyTotpSeedAd = (accountId: string) => `totp-seed\n${accountId}`;

// What the MACs cover. The account: who it is and where it signs. The key: which row, which
// account and origin, its kid, what the trader sees of it (label, scopes, remote state), and what
// local programs may sign with it. A key whose policy was never set (null: DEFAULT_POLICY) keeps
// the v1 fields, as vaults wrote them before policies; v2 adds the policy's stored JSON, so that
// neither an edited policy nor one reset to null in the file passes.
const accountFields = (account: AccountIdentity) => ['account/v1', account.id, account.name, account.baseUrl, account.nonceLifetimeMs, account.loginEmail];
const keyFields = (key: KeyIdentity, origin: string) => {
  const fields = [key.id, key.accountId, origin, key.kid, key.label, key.scopes, key.remoteState, key.origin];
  return key.policy === null ? ['api-key/v1', ...fields] : ['api-key/v2', ...fields, key.policy];
};

// A saved request: every column, the query and body as the JSON text stored, so that no edit of
// what would be signed or sent again (nor a move to another account) passes.
const savedRequestFields = (row: SavedRequestIdentity) => [
  'saved-request/v1',
  row.id,
  row.accountId,
  row.name,
  row.method,
  row.path,
  row.query,
  row.body,
  row.savedAt,
];

export const describeAccount = (account: Pick<AccountIdentity, 'name'>) => `account "${account.name}"`;
export const describeKey = (key: Pick<KeyIdentity, 'label' | 'kid'>, account: Pick<AccountIdentity, 'name'> | undefined) =>
  `key "${key.label || key.kid}"${account ? ` of ${describeAccount(account)}` : ''}`;

export const describeSavedRequest = (row: Pick<SavedRequestIdentity, 'name'>, account: Pick<AccountIdentity, 'name'> | undefined) =>
  `saved request "${row.name}"${account ? ` of ${describeAccount(account)}` : ''}`;

const tampered = (what: string) => new VaultError('vault.tampered', `The vault file was changed outside the app: ${what} does not match its seal.`);

function reseal(sealed: Buffer, from: { key: Buffer; ad: string }, to: { key: Buffer; ad: string }, what: string): Buffer {
  const plaintext = open(from.key, sealed, from.ad, what);
  try {
    return seal(to.key, plaintext, to.ad);
  } finally {
    plaintext.fill(0);
  }
}

/**
 * How account and key rows are sealed and authenticated: the associated data of secrets and 2FA
 * seeds, the row MACs, their checks, and the re-sealing a new vault key, a new origin or an
 * older vault needs. Callers hold the transaction.
 */
export class SealedRows {
  private readonly accounts: AccountsStore;
  private readonly keys: KeysStore;
  private readonly savedRequests: SavedRequestsStore;

  constructor(accounts: AccountsStore, keys: KeysStore, savedRequests: SavedRequestsStore) {
    this.accounts = accounts;
    this.keys = keys;
    this.savedRequests = savedRequests;
  }

  accountMac(macKey: Buffer, account: AccountIdentity): Buffer {
    return rowMac(macKey, accountFields(account));
  }

  keyMac(macKey: Buffer, key: KeyIdentity, origin: string): Buffer {
    return rowMac(macKey, keyFields(key, origin));
  }

  savedRequestMac(macKey: Buffer, row: SavedRequestIdentity): Buffer {
    return rowMac(macKey, savedRequestFields(row));
  }

  /** The saved request's row with its account, both MACs checked. */
  checkedSavedRequest(macKey: Buffer, id: string): { row: SealedSavedRequestRow; account: SealedAccountRow } | undefined {
    const row = this.savedRequests.sealedRow(id);
    if (!row) return undefined;
    const account = this.checkedAccount(macKey, row.accountId);
    if (!account) throw tampered(describeSavedRequest(row, undefined));
    if (!rowMacMatches(macKey, savedRequestFields(row), row.mac)) throw tampered(describeSavedRequest(row, account));
    return { row, account };
  }

  /** An account's saved requests, each MAC checked (the account's too). */
  checkedSavedRequestsOf(macKey: Buffer, accountId: string): SealedSavedRequestRow[] {
    const account = this.checkedAccount(macKey, accountId);
    if (!account) return [];
    const rows = this.savedRequests.sealedRows(accountId);
    for (const row of rows) if (!rowMacMatches(macKey, savedRequestFields(row), row.mac)) throw tampered(describeSavedRequest(row, account));
    return rows;
  }

  /** The account's row, refused as vault.tampered unless its MAC holds. */
  checkedAccount(macKey: Buffer, id: string): SealedAccountRow | undefined {
    const account = this.accounts.sealedRow(id);
    if (account && !rowMacMatches(macKey, accountFields(account), account.mac)) throw tampered(describeAccount(account));
    return account;
  }

  /** The key's row with its account, both MACs checked; the account's origin is what the key signs for. */
  checkedKey(macKey: Buffer, id: string): { key: SealedKeyRow; account: SealedAccountRow; origin: string } | undefined {
    const key = this.keys.sealedRow(id);
    if (!key) return undefined;
    const account = this.checkedAccount(macKey, key.accountId);
    if (!account) throw tampered(describeKey(key, undefined));
    const origin = originOf(account.baseUrl);
    if (!rowMacMatches(macKey, keyFields(key, origin), key.mac)) throw tampered(describeKey(key, account));
    return { key, account, origin };
  }

  /** Every key with its account, each MAC checked: accounts in the trader's order, each one's keys in its list's order. */
  checkedKeys(macKey: Buffer): Array<{ key: SealedKeyRow; account: SealedAccountRow }> {
    const keysOf = new Map<string, SealedKeyRow[]>();
    for (const key of this.keys.sealedRows()) {
      const keys = keysOf.get(key.accountId);
      if (keys) keys.push(key);
      else keysOf.set(key.accountId, [key]);
    }
    return this.accounts.sealedRows().flatMap((account) => {
      const keys = keysOf.get(account.id) ?? [];
      if (keys.length === 0) return [];
      if (!rowMacMatches(macKey, accountFields(account), account.mac)) throw tampered(describeAccount(account));
      const origin = originOf(account.baseUrl);
      return keys.map((key) => {
        if (!rowMacMatches(macKey, keyFields(key, origin), key.mac)) throw tampered(describeKey(key, account));
        return { key, account };
      });
    });
  }

  /** An account's keys, each MAC checked (the account's too). */
  checkedKeysOf(macKey: Buffer, accountId: string): SealedKeyRow[] {
    const account = this.checkedAccount(macKey, accountId);
    if (!account) return [];
    const origin = originOf(account.baseUrl);
    const keys = this.keys.sealedRows(accountId);
    for (const key of keys) if (!rowMacMatches(macKey, keyFields(key, origin), key.mac)) throw tampered(describeKey(key, account));
    return keys;
  }

  sealSecret(vaultKey: Buffer, key: KeyBinding, origin: string, secret: Buffer): Buffer {
    return seal(vaultKey, secret, secretAd(key, origin));
  }

  openSecret(vaultKey: Buffer, key: SealedKeyRow, origin: string, account: SealedAccountRow): Buffer {
    return open(vaultKey, key.secret, secretAd(key, origin), `The API secret of ${describeKey(key, account)}`);
  }

  sealSeed(vaultKey: Buffer, accountId: string, origin: string, seed: Buffer): Buffer {
    return seal(vaultKey, seed, totpSeedAd(accountId, origin));
  }

  openSeed(vaultKey: Buffer, account: SealedAccountRow & { totpSeed: Buffer }): Buffer {
    return open(vaultKey, account.totpSeed, totpSeedAd(account.id, originOf(account.baseUrl)), `The 2FA seed of ${describeAccount(account)}`);
  }

  /**
   * Moves every row from one vault key to another: secrets and seeds re-sealed, MACs recomputed.
   * Each row is checked under the old key first, so a rotation never launders a tampered row.
   */
  rekey(from: RowKeys, to: Buffer): void {
    const toMacKey = deriveRowMacKey(to);
    try {
      // Keys and saved requests first: their check reads their account's MAC, still the old one.
      for (const { id } of this.savedRequests.sealedRows()) {
        const { row } = this.checkedSavedRequest(from.macKey, id) ?? raise('The saved request went away during the rotation.');
        this.savedRequests.setMac(row.id, this.savedRequestMac(toMacKey, row));
      }
      for (const { id } of this.keys.sealedRows()) {
        const { key, account, origin } = this.checkedKey(from.macKey, id) ?? raise('The key went away during the rotation.');
        const ad = secretAd(key, origin);
        this.keys.setSeal(
          key.id,
          reseal(key.secret, { key: from.vaultKey, ad }, { key: to, ad }, `The API secret of ${describeKey(key, account)}`),
          this.keyMac(toMacKey, key, origin),
        );
      }
      for (const { id } of this.accounts.sealedRows()) {
        const account = this.checkedAccount(from.macKey, id) ?? raise('The account went away during the rotation.');
        const ad = totpSeedAd(account.id, originOf(account.baseUrl));
        const seed = account.totpSeed && reseal(account.totpSeed, { key: from.vaultKey, ad }, { key: to, ad }, `The 2FA seed of ${describeAccount(account)}`);
        this.accounts.setSeal(account.id, seed, this.accountMac(toMacKey, account));
      }
    } finally {
      toMacKey.fill(0);
    }
  }

  /**
   * Binds an account's 2FA seed and key secrets to its new origin, after its row was updated to
   * it: each is opened under the old origin (so it must be whole) and sealed and MACed anew.
   */
  rebind(keys: RowKeys, accountId: string, fromOrigin: string): void {
    const account = this.checkedAccount(keys.macKey, accountId) ?? raise('The account went away during the change.');
    const toOrigin = originOf(account.baseUrl);
    const seed =
      account.totpSeed &&
      reseal(
        account.totpSeed,
        { key: keys.vaultKey, ad: totpSeedAd(accountId, fromOrigin) },
        { key: keys.vaultKey, ad: totpSeedAd(accountId, toOrigin) },
        `The 2FA seed of ${describeAccount(account)}`,
      );
    this.accounts.setSeal(accountId, seed, this.accountMac(keys.macKey, account));
    for (const key of this.keys.sealedRows(accountId)) {
      if (!rowMacMatches(keys.macKey, keyFields(key, fromOrigin), key.mac)) throw tampered(describeKey(key, account));
      const secret = reseal(
        key.secret,
        { key: keys.vaultKey, ad: secretAd(key, fromOrigin) },
        { key: keys.vaultKey, ad: secretAd(key, toOrigin) },
        `The API secret of ${describeKey(key, account)}`,
      );
      this.keys.setSeal(key.id, secret, this.keyMac(keys.macKey, key, toOrigin));
    }
  }

  /** Whether any account or key row carries a MAC: once one does, a row without one is tampered with, not old. */
  anyMac(): boolean {
    return this.accounts.sealedRows().some((row) => row.mac !== null) || this.keys.sealedRows().some((row) => row.mac !== null);
  }

  /**
   * Brings the rows of a vault written before rows were MACed (database version 6 and older) to
   * today's seals: seeds and secrets re-sealed from the old associated data (which checks them)
   * to the origin-bound one, and every row MACed. Only for a vault with no MAC at all; the caller
   * decides when that is (see VaultAccess).
   */
  upgradeLegacy(keys: RowKeys): void {
    for (const account of this.accounts.sealedRows()) {
      const origin = originOf(account.baseUrl);
      const seed =
        account.totpSeed &&
        reseal(
          account.totpSeed,
          { key: keys.vaultKey, ad: legacyTotpSeedAd(account.id) },
          { key: keys.vaultKey, ad: totpSeedAd(account.id, origin) },
          `The 2FA seed of ${describeAccount(account)}`,
        );
      this.accounts.setSeal(account.id, seed, this.accountMac(keys.macKey, account));
    }
    for (const key of this.keys.sealedRows()) {
      const account = this.accounts.sealedRow(key.accountId) ?? raise('A key of no account.');
      const origin = originOf(account.baseUrl);
      const secret = reseal(
        key.secret,
        { key: keys.vaultKey, ad: legacySecretAd(key) },
        { key: keys.vaultKey, ad: secretAd(key, origin) },
        `The API secret of ${describeKey(key, account)}`,
      );
      this.keys.setSeal(key.id, secret, this.keyMac(keys.macKey, key, origin));
    }
  }
}

const raise = (message: string): never => {
  throw new VaultError('vault.not_found', message);
};
