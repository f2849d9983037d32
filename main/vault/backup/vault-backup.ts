import { randomUUID } from 'node:crypto';
import { parseInput, passphraseSchema } from '../schemas';
import type { Vault } from '../vault';
import { openBackup, sealBackup } from './backup-format';
import { backupAccount, backupKey, decodePayload, encodePayload } from './backup-payload';
import type { BackupPayload } from './backup-payload';
import { planImport } from './import-plan';
import type { ImportReport } from './import-plan';

/** The whole vault (accounts, 2FA seeds, keys with their secrets, settings) in one file sealed by its own passphrase. Audited. */
export async function exportBackup(vault: Vault, passphrase: string): Promise<Buffer> {
  vault.access.requireKey();
  const backupPassphrase = parseInput(passphraseSchema, passphrase, 'The backup passphrase');
  const contents = vault.transaction(() => backupPayload(vault));
  const payload = encodePayload(contents);
  try {
    const file = await sealBackup(payload, backupPassphrase, { cost: vault.scryptCost, now: vault.now() });
    const keyCount = contents.accounts.reduce((count, account) => count + account.keys.length, 0);
    vault.recordBackup('export-backup', `${contents.accounts.length} accounts, ${keyCount} keys`);
    return file;
  } finally {
    payload.fill(0);
  }
}

/**
 * Restores a backup into an empty vault, or merges it into this one (see planImport): the file
 * is decrypted and checked whole first, then written in one transaction, so a failure writes
 * nothing. Keys already here are reported, never overwritten. Audited.
 */
export async function importBackup(vault: Vault, file: Buffer, passphrase: string): Promise<ImportReport> {
  vault.access.requireKey();
  const backupPassphrase = parseInput(passphraseSchema, passphrase, 'The backup passphrase');
  const plaintext = await openBackup(file, backupPassphrase);
  let payload: BackupPayload;
  try {
    payload = decodePayload(plaintext);
  } finally {
    plaintext.fill(0);
  }
  // Asked again after the wait: the vault may have been locked meanwhile, which wipes the key.
  vault.access.requireKey();
  return vault.transaction(() => {
    const plan = planImport(payload, {
      accounts: vault.listAccounts(),
      holdsSecret: (accountId, kid, secret) => vault.holdsSecret(accountId, kid, Buffer.from(secret, 'utf8')),
      newId: () => randomUUID(),
    });
    for (const { row, totpSeed } of plan.accounts) vault.restoreAccount(row, totpSeed);
    for (const { row, secret } of plan.keys) vault.restoreKey(row, Buffer.from(secret, 'utf8'));
    if (plan.settings) vault.updateSettings(plan.settings);
    const { report } = plan;
    vault.recordBackup(
      'import-backup',
      `${report.accountsAdded} accounts added, ${report.accountsMatched} matched, ${report.keysAdded} keys added, ${report.duplicates.length} duplicates`,
    );
    return report;
  });
}

function backupPayload(vault: Vault): BackupPayload {
  const plainSecret = (keyId: string) => vault.withSecret(keyId, (secret) => secret.toString('utf8'));
  return {
    accounts: vault
      .listAccounts()
      .map((account) => backupAccount(account, vault.totpSeed(account.id), vault.listKeys(account.id).map((key) => backupKey(key, plainSecret(key.id))))),
    settings: vault.getSettings(),
  };
}
