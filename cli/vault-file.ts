import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { AppError, isAppError } from '../app/app-error';
import { Vault } from '../main/vault/vault';
import { VaultError } from '../main/vault/vault-error';
import type { CliIo } from './io';
import { readValues } from './read-lines';
import type { ValueReader } from './read-lines';
import { vaultLocation } from './vault-location';

/** The option every vault command takes. */
export const VAULT_OPTION = { vault: { type: 'string' } } as const;

export const VAULT_OPTION_HELP = `  --vault FILE   the vault file (default: the app's, in its data folder:
                 ~/.config/Barong Vault/vault.db on Linux, ~/Library/Application
                 Support/Barong Vault/vault.db on macOS, %APPDATA%\\Barong Vault\\vault.db
                 on Windows)`;

/** Where the command's vault is: --vault FILE, or the app's own file. */
export function vaultFileOf(flag: string | undefined, io: CliIo): { file: string; dataDir: string } {
  if (flag === '') throw new AppError('usage', '--vault takes the path of a vault file.');
  return vaultLocation(flag, { platform: process.platform, env: io.env, homedir: homedir() });
}

/**
 * Opens the vault file at the app's default scrypt cost; only `vault create` may bring a file
 * (and its folder, 0700) into being: for every other command a missing file is no vault.
 */
export function openVaultFile(location: { file: string; dataDir: string }, { create = false } = {}): Vault {
  if (!existsSync(location.file)) {
    if (!create)
      throw new VaultError(
        'vault.not_set_up',
        `There is no vault at ${location.file}: create one with barong-vault vault create, or name yours with --vault FILE.`,
      );
    mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
  }
  try {
    return Vault.open({ path: location.file });
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('usage', `${location.file} is not a Barong Vault file (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/**
 * Runs `work` on the vault at `location`, which it unlocks with a passphrase read from `values`
 * in its own order. A keychain-only vault is refused before anything is read: only the app can
 * ask the keychain. The vault is locked and closed afterwards, whatever happened.
 */
export async function withPassphraseVault<T>(
  location: { file: string; dataDir: string },
  io: CliIo,
  work: (vault: Vault, values: ValueReader) => Promise<T>,
): Promise<T> {
  const vault = openVaultFile(location);
  const values = readValues(io);
  try {
    const status = vault.status();
    if (!status.setUp) throw new VaultError('vault.not_set_up', `The vault at ${location.file} is not set up yet: create it with barong-vault vault create.`);
    if (!status.passphrase) throw new VaultError('vault.needs_app');
    return await work(vault, values);
  } finally {
    values.close();
    vault.close();
  }
}
