import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { originOf } from '../../../app/barong/origin';
import { Vault } from '../vault';
import type { VaultOptions } from '../vault';
import type { ScryptCost } from '../vault-access';
import { VaultError } from '../vault-error';

/** Far below the app's N = 2^17, so that suites stay fast; the stored format is the same. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');
/** The shapes current Barong servers issue: a 16-hex kid and a 32-hex secret. */
export const newKid = (): string => randomHex(8);
export const newSecret = (): string => randomHex(16);
export const newTotpSeed = (length = 32): string => Array.from({ length }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.charAt(randomInt(32))).join('');

export const accountInput = (name: string) => ({ name, baseUrl: `https://${name.toLowerCase().replace(/\W+/g, '-')}.example` });

/**
 * Temp folders and the vaults opened in them, for one test file: `cleanUp` in afterEach closes
 * every vault still open and removes the folders.
 */
export class VaultFixture {
  private readonly dirs: string[] = [];
  private readonly vaults: Vault[] = [];

  dir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'barong-vault-'));
    this.dirs.push(dir);
    return dir;
  }

  /** A path for a vault file that does not exist yet. */
  newPath(): string {
    return join(this.dir(), 'vault.db');
  }

  open(options: VaultOptions): Vault {
    const vault = Vault.open({ scryptCost: TEST_SCRYPT_COST, ...options });
    this.vaults.push(vault);
    return vault;
  }

  cleanUp(): void {
    this.vaults.splice(0).forEach((vault) => vault.close());
    this.dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }
}

/** A vault in a fresh folder for the current test, closed and removed when the test ends. */
export function openTempVault(options: Partial<VaultOptions> = {}): { vault: Vault; path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'barong-vault-'));
  const path = join(dir, 'vault.db');
  const vault = Vault.open({ path, scryptCost: TEST_SCRYPT_COST, ...options });
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

/** The VaultError `run` throws; anything else (or nothing) fails the test. */
export function vaultErrorFrom(run: () => unknown): VaultError {
  try {
    run();
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('Expected a VaultError, but nothing was thrown.');
}

export async function vaultRejection(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('Expected a VaultError, but the promise resolved.');
}

/** Signs for the origin of the key's own account, as the runner and the signer do. */
export function signForItsAccount(vault: Vault, keyId: string, nonce: string) {
  return vault.sign(keyId, nonce, originOf(vault.account(vault.key(keyId).accountId).baseUrl));
}
