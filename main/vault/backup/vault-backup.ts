import { randomUUID } from 'node:crypto';
import { AppError } from '../../../app/app-error';
import { needsOwner } from '../../../app/contract/backup-needs-owner';
import type { BackupPlan } from '../../../app/contract/backup-records';
import { parseInput, passphraseSchema } from '../schemas';
import type { Vault } from '../vault';
import { openBackup, sealBackup } from './backup-format';
import { decodePayload, encodePayload } from './backup-payload';
import type { BackupPayload } from './backup-payload';
import { planImport } from './import-plan';
import type { ImportPlan, ImportReport } from './import-plan';

export { importPlanSummary, needsOwner } from '../../../app/contract/backup-needs-owner';

/** The whole vault (accounts, 2FA seeds, keys with their secrets, settings) in one file sealed by its own passphrase. Audited. */
export async function exportBackup(vault: Vault, passphrase: string): Promise<Buffer> {
  vault.access.requireKey();
  const backupPassphrase = parseInput(passphraseSchema, passphrase, 'The backup passphrase');
  const { payload, accounts, keys } = vault.transaction(() => {
    const sources = vault.listAccounts().map((account) => ({ account, totpSeed: vault.totpSeed(account.id), keys: vault.listKeys(account.id) }));
    const encoded = encodePayload({ accounts: sources, settings: vault.getSettings(), withSecret: (keyId, use) => vault.withSecret(keyId, use) });
    return { payload: encoded, accounts: sources.length, keys: sources.reduce((count, source) => count + source.keys.length, 0) };
  });
  try {
    const file = await sealBackup(payload, backupPassphrase, { cost: vault.scryptCost, now: vault.now() });
    vault.recordBackup('export-backup', `${accounts} accounts, ${keys} keys`);
    return file;
  } finally {
    payload.fill(0);
  }
}

/** What importing the file would do, for the trader to see first. Writes nothing, audits nothing. */
export async function previewBackup(vault: Vault, file: Buffer, passphrase: string): Promise<BackupPlan> {
  const payload = await openPayload(vault, file, passphrase);
  return vault.transaction(() => planFor(vault, payload).preview);
}

export interface ImportOptions {
  /** Also apply the backup's settings (off unless the trader ticks it, even into an empty vault). */
  applySettings?: boolean | undefined;
  /** The owner confirmed this import (main/privilege); without it, a plan that needs the owner is refused. */
  ownerConfirmed?: boolean;
}

/**
 * Restores a backup into an empty vault, or merges it into this one (see planImport): the file
 * is decrypted and checked whole first; the plan is then made again and written in one
 * transaction, so a failure writes nothing. Keys already here are reported, never overwritten. Audited.
 */
export async function importBackup(vault: Vault, file: Buffer, passphrase: string, options: ImportOptions = {}): Promise<ImportReport> {
  const payload = await openPayload(vault, file, passphrase);
  return vault.transaction(() => {
    const plan = planFor(vault, payload);
    // The vault may have changed since the owner check read the file (an account added meanwhile
    // turns new accounts into existing ones): what is written is judged again here.
    const privileged = needsOwner(plan.preview, options.applySettings === true);
    if (privileged !== null && options.ownerConfirmed !== true) {
      throw new AppError('owner.passphrase_required', `Confirm this import as the owner first: ${privileged.charAt(0).toLowerCase()}${privileged.slice(1)}.`);
    }
    for (const { row, totpSeed } of plan.accounts) vault.restoreAccount(row, totpSeed);
    for (const { row, secret } of plan.keys) {
      const bytes = Buffer.from(secret, 'utf8');
      try {
        vault.restoreKey(row, bytes);
      } finally {
        bytes.fill(0);
      }
    }
    const settingsApplied = options.applySettings === true && plan.preview.settings.length > 0;
    if (settingsApplied) vault.updateSettings(plan.settings);
    const { report } = plan;
    vault.recordBackup(
      'import-backup',
      `${report.accountsAdded} accounts added, ${report.accountsMatched} matched, ${report.keysAdded} keys added, ${report.duplicates.length} duplicates${settingsApplied ? ', settings applied' : ''}`,
    );
    return { ...report, settingsApplied };
  });
}

async function openPayload(vault: Vault, file: Buffer, passphrase: string): Promise<BackupPayload> {
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
  return payload;
}

function planFor(vault: Vault, payload: BackupPayload): ImportPlan {
  return planImport(payload, {
    accounts: vault.listAccounts(),
    settings: vault.getSettings(),
    holdsSecret: (accountId, kid, secret) => {
      const candidate = Buffer.from(secret, 'utf8');
      try {
        return vault.holdsSecret(accountId, kid, candidate);
      } finally {
        candidate.fill(0);
      }
    },
    newId: () => randomUUID(),
  });
}
