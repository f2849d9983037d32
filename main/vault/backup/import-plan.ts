import type { BackupPlan } from '../../../app/contract/backup-records';
import type { Account } from '../records';
import type { Settings } from '../schemas';
import type { RestoredAccountRow } from '../store/accounts-store';
import type { RestoredKeyRow } from '../store/keys-store';
import type { BackupAccount, BackupKey, BackupPayload } from './backup-payload';
import { hostOf, hostsLookAlike, namesLookAlike } from './look-alikes';

export interface ImportReport {
  accountsAdded: number;
  accountsMatched: number;
  keysAdded: number;
  /**
   * Keys the vault already had, left exactly as they were. `sameSecret: false` means the backup
   * held another secret under that kid: the vault's own one was kept.
   */
  duplicates: Array<{ account: string; kid: string; sameSecret: boolean }>;
  settingsApplied: boolean;
}

export interface ImportTarget {
  /** The vault's accounts before the import, in their order. */
  accounts: ReadonlyArray<Pick<Account, 'id' | 'name' | 'baseUrl' | 'sortOrder'>>;
  settings: Settings;
  /** Whether the account's key with this kid holds `secret`; undefined when it has no such key. */
  holdsSecret(accountId: string, kid: string, secret: string): boolean | undefined;
  newId(): string;
}

/**
 * The rows to write (the vault seals the plaintext seed and secrets with its own key), the
 * backup's settings, applied only when the trader asks, and what the trader is shown first.
 */
export interface ImportPlan {
  accounts: Array<{ row: Omit<RestoredAccountRow, 'totpSeed'>; totpSeed: string | null }>;
  keys: Array<{ row: Omit<RestoredKeyRow, 'secret'>; secret: string }>;
  settings: Settings;
  preview: BackupPlan;
  report: Omit<ImportReport, 'settingsApplied'>;
}

/**
 * Two accounts are the same when they reach the same exchange under the same name: the URL as
 * the URL parser writes it (lower-case scheme and host, no default port, no trailing slash) and
 * the name exactly, as stored (trimmed).
 */
export const accountIdentity = (account: { baseUrl: string; name: string }): string => `${new URL(account.baseUrl).href.replace(/\/+$/, '')}\n${account.name}`;

/**
 * What importing `payload` writes. Into a vault without accounts: everything as it was (ids and
 * order; the settings too, when the trader asks). Otherwise a merge: a backup account is matched to an existing account of
 * the same identity (in order, each existing account at most once, so that importing the same
 * backup twice adds nothing); a matched account keeps its own fields and 2FA seed and gains the
 * keys whose kid it lacks, the others being reported as duplicates. Unmatched accounts are added
 * with new ids after the existing ones, and flagged when they look like one already here.
 */
export function planImport(payload: BackupPayload, target: ImportTarget): ImportPlan {
  const restoring = target.accounts.length === 0;
  const unmatched = new Map<string, Array<ImportTarget['accounts'][number]>>();
  for (const account of target.accounts) {
    const identity = accountIdentity(account);
    unmatched.set(identity, [...(unmatched.get(identity) ?? []), account]);
  }
  let nextSortOrder = target.accounts.reduce((highest, account) => Math.max(highest, account.sortOrder), -1) + 1;
  const plan: ImportPlan = {
    accounts: [],
    keys: [],
    settings: payload.settings,
    preview: { restoring, newAccounts: [], keysIntoExisting: [], duplicates: [], lookAlikes: [], settings: settingChanges(target.settings, payload.settings) },
    report: { accountsAdded: 0, accountsMatched: 0, keysAdded: 0, duplicates: [] },
  };

  for (const account of payload.accounts) {
    const existing = unmatched.get(accountIdentity(account))?.shift();
    if (existing) {
      plan.report.accountsMatched += 1;
      for (const key of account.keys) {
        const sameSecret = target.holdsSecret(existing.id, key.kid, key.secret);
        if (sameSecret === undefined) {
          plan.keys.push(keyToAdd(key, existing.id, target.newId()));
          plan.preview.keysIntoExisting.push({ account: existing.name, kid: key.kid, label: key.label });
        } else plan.report.duplicates.push({ account: existing.name, kid: key.kid, sameSecret });
      }
    } else {
      const id = restoring ? account.id : target.newId();
      plan.accounts.push(accountToAdd(account, id, restoring ? account.sortOrder : nextSortOrder++));
      plan.keys.push(...account.keys.map((key) => keyToAdd(key, id, restoring ? key.id : target.newId())));
      plan.preview.newAccounts.push({ name: account.name, host: hostOf(account.baseUrl), keyCount: account.keys.length });
      plan.preview.lookAlikes.push(...lookAlikesOf(account, target.accounts));
    }
  }
  plan.report.accountsAdded = plan.accounts.length;
  plan.report.keysAdded = plan.keys.length;
  plan.preview.duplicates = plan.report.duplicates;
  return plan;
}

function lookAlikesOf(account: BackupAccount, existing: ImportTarget['accounts']): BackupPlan['lookAlikes'] {
  const backup = { name: account.name, host: hostOf(account.baseUrl) };
  return existing.flatMap((other) => {
    const here = { name: other.name, host: hostOf(other.baseUrl) };
    const why = namesLookAlike(backup.name, here.name) ? 'name' : hostsLookAlike(backup.host, here.host) ? 'host' : null;
    return why === null ? [] : [{ backup, existing: here, why }];
  });
}

function settingChanges(current: Settings, backup: Settings): BackupPlan['settings'] {
  return (Object.keys(backup) as Array<keyof Settings>)
    .filter((name) => backup[name] !== current[name])
    .map((name) => ({ name, current: current[name], backup: backup[name] }));
}

const accountToAdd = (account: BackupAccount, id: string, sortOrder: number): ImportPlan['accounts'][number] => ({
  row: {
    id,
    name: account.name,
    baseUrl: account.baseUrl,
    nonceLifetimeMs: account.nonceLifetimeMs,
    loginEmail: account.loginEmail,
    notes: account.notes,
    color: account.color,
    sortOrder,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  },
  totpSeed: account.totpSeed,
});

const keyToAdd = (key: BackupKey, accountId: string, id: string): ImportPlan['keys'][number] => ({
  row: {
    id,
    accountId,
    kid: key.kid,
    label: key.label,
    scopes: key.scopes,
    remoteState: key.remoteState,
    origin: key.origin,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
  },
  secret: key.secret,
});
