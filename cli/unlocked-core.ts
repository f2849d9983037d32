import { AppError } from '../app/app-error';
import type { Result } from '../app/contract/result';
import { createAppCore } from '../main/core/create-app-core';
import type { AppCore } from '../main/core/create-app-core';
import type { Logger } from '../main/logging/logger';
import { VaultError } from '../main/vault/vault-error';
import type { CliIo } from './io';
import { readValues } from './read-lines';
import { openVaultFile } from './vault-file';
import { cliVersion } from './version';

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value;
};

/**
 * The one core, on the vault file given, unlocked by the passphrase from the terminal or the
 * first line of standard input: what `barong-vault agent` and `proxy --vault` serve from. It
 * keeps the vault's auto-lock; a keychain-only vault needs the app, which alone can ask the
 * keychain.
 */
export async function unlockedCore(location: { file: string; dataDir: string }, io: CliIo, logger: Logger): Promise<AppCore> {
  // Opened once to learn that a vault is there, without creating one, then handed to the core.
  openVaultFile(location).close();
  const core = createAppCore({ dataDir: location.dataDir, vaultFile: location.file, appVersion: cliVersion, logger });
  const terminal = core.door('terminal');
  try {
    const status = valueOf(await terminal['vault.status']({}));
    if (!status.setUp) throw new VaultError('vault.not_set_up', `The vault at ${location.file} is not set up yet: create it with barong-vault vault create.`);
    if (!status.passphrase) throw new VaultError('vault.needs_app');
    const values = readValues(io);
    try {
      valueOf(await terminal['vault.unlock']({ passphrase: await values.next('the vault passphrase') }));
    } finally {
      values.close();
    }
    return core;
  } catch (error) {
    core.close();
    throw error;
  }
}
