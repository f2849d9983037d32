import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../app/app-error';
import { MAX_BACKUP_BYTES } from '../../main/opened-backup/read-opened-backup';
import { importBackup } from '../../main/vault/backup/vault-backup';
import { describeKey } from '../../main/vault/sealed-rows';
import { VaultError } from '../../main/vault/vault-error';
import { EXIT_OK } from '../io';
import type { Command } from '../io';
import { parseOptions } from '../parse-options';
import { VAULT_OPTION, VAULT_OPTION_HELP, vaultFileOf, withPassphraseVault } from '../vault-file';

export const vaultImportHelp = `Usage: barong-vault vault import BACKUP [--vault FILE]

Imports a backup made by the app (a .barongvault file) into the vault. Accounts
the vault lacks are added; keys join the account of the same name and exchange;
keys already there are left as they are. The backup's settings are not applied.
Keys from a backup arrive closed to local programs: open them with
barong-vault keys policy.

Standard input, one value per line (typed without echo on a terminal):
  1. the backup's passphrase
  2. the vault passphrase

Options:
${VAULT_OPTION_HELP}
  -h, --help     show this help
`;

/** The backup file, no larger than any the app makes; read before any passphrase is asked for. */
async function readBackup(path: string): Promise<Buffer> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw new VaultError('backup.unreadable', `The backup ${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  try {
    if ((await file.stat()).size > MAX_BACKUP_BYTES) throw new VaultError('backup.too_large');
    return await file.readFile();
  } finally {
    await file.close();
  }
}

const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const vaultImport: Command = async (argv, io) => {
  const { values: options, positionals } = parseOptions(argv, { ...VAULT_OPTION, help: { type: 'boolean', short: 'h' } });
  if (options.help) {
    io.stdout.write(vaultImportHelp);
    return EXIT_OK;
  }
  const [path, ...extra] = positionals;
  if (path === undefined) throw new AppError('usage', 'vault import needs the backup file: barong-vault vault import BACKUP.');
  if (extra.length > 0) throw new AppError('usage', `Unexpected argument "${extra[0]}".`);
  const location = vaultFileOf(options.vault, io);
  const backup = await readBackup(path);

  return withPassphraseVault(location, io, async (vault, values) => {
    const backupPassphrase = await values.next("backup's passphrase");
    await vault.access.unlock(await values.next('vault passphrase'));
    const before = new Set(vault.agentKeys().map((key) => key.keyId));
    // The passphrase that unlocked the vault is the owner's proof, as the app asks for it.
    const report = await importBackup(vault, backup, backupPassphrase, { ownerConfirmed: true });
    const added = vault.agentKeys().filter((key) => !before.has(key.keyId));
    io.stdout.write(
      `Imported ${basename(path)}: ${countOf(report.accountsAdded, 'account')} added, ${report.accountsMatched} matched, ${countOf(report.keysAdded, 'key')} added.\n`,
    );
    added.forEach((key) => io.stdout.write(`  added: ${describeKey(key, key.account)} (${key.account.baseUrl})\n`));
    report.duplicates.forEach((duplicate) =>
      io.stdout.write(
        `  already here, left as it was: key ${duplicate.kid} of account "${duplicate.account}"${duplicate.sameSecret ? '' : " (the backup holds another secret for it; the vault's was kept)"}\n`,
      ),
    );
    if (added.length > 0)
      io.stdout.write('Keys from a backup are closed to local programs: open one with barong-vault keys policy --key LABEL|KID --policy LEVEL.\n');
    return EXIT_OK;
  });
};
