import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { Vault } from '../../main/vault/vault';
import type { VaultOptions } from '../../main/vault/vault';

/** scrypt at 2^14: the same code path as the app's 2^17, a few ms instead of a few hundred. */
export const FAST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;
export const PASSPHRASE = 'correct horse battery staple';

/** A vault in a fresh folder for the current test, closed and removed when the test ends. */
export function openTempVault(options: Partial<VaultOptions> = {}): { vault: Vault; path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'barong-vault-'));
  const path = join(dir, 'vault.db');
  const vault = Vault.open({ path, scryptCost: FAST_SCRYPT, ...options });
  onTestFinished(() => {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { vault, path, dir };
}

/** The same, set up with a passphrase and unlocked. */
export async function unlockedTempVault(options: Partial<VaultOptions> = {}) {
  const opened = openTempVault(options);
  await opened.vault.access.create({ passphrase: PASSPHRASE, keychain: false });
  return opened;
}
