import { existsSync } from 'node:fs';
import { AppError } from '../../app/app-error';
import { parseInput, passphraseSchema } from '../../main/vault/schemas';
import type { Vault } from '../../main/vault/vault';
import { VaultError } from '../../main/vault/vault-error';
import { EXIT_OK } from '../io';
import type { Command } from '../io';
import { parseOptions } from '../parse-options';
import { readValues } from '../read-lines';
import { openVaultFile, VAULT_OPTION, VAULT_OPTION_HELP, vaultFileOf } from '../vault-file';

export const vaultCreateHelp = `Usage: barong-vault vault create [--vault FILE]

Creates a vault unlocked by a passphrase of at least 8 characters, for a computer
without the app, such as a server where the signing agent runs (the app's keychain
unlock is not offered here). A vault that exists is never replaced.

Standard input: the new passphrase twice, one per line (typed without echo on a
terminal).

Options:
${VAULT_OPTION_HELP}
  -h, --help     show this help
`;

export const vaultCreate: Command = async (argv, io) => {
  const { values: options, positionals } = parseOptions(argv, { ...VAULT_OPTION, help: { type: 'boolean', short: 'h' } });
  if (options.help) {
    io.stdout.write(vaultCreateHelp);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new AppError('usage', `Unexpected argument "${positionals[0]}".`);
  const location = vaultFileOf(options.vault, io);
  const values = readValues(io);
  let vault: Vault | undefined;
  try {
    // A file the app made before its first run was finished holds no vault yet, and may become one.
    if (existsSync(location.file)) {
      vault = openVaultFile(location);
      if (vault.status().setUp) throw new VaultError('vault.already_set_up', `A vault already exists at ${location.file}: nothing was changed.`);
    }
    // Read and checked before a new file is made, so that a refusal leaves nothing behind.
    const passphrase = parseInput(passphraseSchema, await values.newPassphrase('new vault passphrase'), 'The passphrase');
    vault ??= openVaultFile(location, { create: true });
    await vault.access.create({ passphrase, keychain: false });
  } finally {
    values.close();
    vault?.close();
  }
  io.stdout.write(`Created a vault at ${location.file}, unlocked by its passphrase.\n`);
  return EXIT_OK;
};
