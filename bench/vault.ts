import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { originOf } from '../app/barong/origin';
import { derivePassphraseKey, DEFAULT_SCRYPT_COST, newScryptParams } from '../main/vault/crypto/passphrase-kdf';
import type { KeychainWrapper } from '../main/vault/keychain-wrapper';
import { Vault } from '../main/vault/vault';

const ACCOUNTS = 500;
// The rotation's own cost is what is measured: the KDF is kept cheap, and timed apart.
const CHANGE_SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 };
const KEYS_PER_ACCOUNT = 20;
const SIGNATURES = 100_000;

export interface VaultFigures {
  openAndUnlockMs: number;
  /** The accounts with their keys' kids and labels: all the renderer needs to search them. */
  listAccountsMs: number;
  kdfMs: number;
  /** The first signature of each key after unlock: row read, AES-GCM open, HMAC. */
  firstSignaturesPerSecond: number;
  /** Later signatures: the unlocked secret and one HMAC. */
  vaultSignaturesPerSecond: number;
  bareHmacPerSecond: number;
  /** A change of passphrase, which rotates the vault key: every secret re-sealed, every row re-MACed, at a low scrypt cost. */
  passphraseChangeMs: number;
}

/** An in-process keychain, so that opening and unlocking are measured without the KDF. */
function memoryKeychain(): KeychainWrapper {
  const key = randomBytes(32);
  return {
    isAvailable: async () => true,
    backend: async () => 'bench_memory',
    encrypt: async (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    },
    decrypt: async (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(-16));
      return Buffer.concat([decipher.update(data.subarray(12, -16)), decipher.final()]).toString('utf8');
    },
  };
}

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface BenchKey {
  id: string;
  kid: string;
  secret: string;
  origin: string;
}

async function populate(path: string, keychain: KeychainWrapper): Promise<BenchKey[]> {
  const vault = Vault.open({ path, keychain });
  await vault.access.create({ keychain: true });
  const keys: BenchKey[] = [];
  for (let a = 0; a < ACCOUNTS; a += 1) {
    const account = vault.createAccount({ name: `Exchange ${a}`, baseUrl: `https://exchange-${a}.example` });
    for (let k = 0; k < KEYS_PER_ACCOUNT; k += 1) {
      const kid = randomBytes(8).toString('hex');
      const secret = randomBytes(16).toString('hex');
      const { key } = vault.importKey({ accountId: account.id, kid, secret, label: `bot ${a}-${k}` });
      keys.push({ id: key.id, kid, secret, origin: originOf(account.baseUrl) });
    }
  }
  vault.close();
  return keys;
}

export async function benchVault(log: (line: string) => void): Promise<VaultFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'barong-vault-bench-'));
  try {
    const path = join(dir, 'vault.db');
    const keychain = memoryKeychain();
    log(`  (filling a vault with ${ACCOUNTS * KEYS_PER_ACCOUNT} keys across ${ACCOUNTS} accounts...)`);
    const keys = await populate(path, keychain);

    const opens: number[] = [];
    const lists: number[] = [];
    let vault: Vault | undefined;
    for (let round = 0; round < 5; round += 1) {
      vault?.close();
      let started = process.hrtime.bigint();
      vault = Vault.open({ path, keychain });
      await vault.access.unlock();
      opens.push(elapsedMs(started));
      started = process.hrtime.bigint();
      const listed = vault.listAccounts();
      lists.push(elapsedMs(started));
      if (listed.length !== ACCOUNTS || listed.some((account) => account.keys.length !== KEYS_PER_ACCOUNT)) throw new Error('the list lost accounts or keys');
    }
    if (!vault) throw new Error('no rounds ran');

    const nonces = Array.from({ length: SIGNATURES }, (_, i) => String(1_700_000_000_000 + i));
    let started = process.hrtime.bigint();
    keys.forEach((key, i) => vault?.sign(key.id, nonces[i] as string, key.origin));
    const firstSignaturesPerSecond = keys.length / (elapsedMs(started) / 1000);
    started = process.hrtime.bigint();
    for (let i = 0; i < SIGNATURES; i += 1) {
      const key = keys[i % keys.length] as BenchKey;
      vault.sign(key.id, nonces[i] as string, key.origin);
    }
    const vaultSignaturesPerSecond = SIGNATURES / (elapsedMs(started) / 1000);
    started = process.hrtime.bigint();
    for (let i = 0; i < SIGNATURES; i += 1) {
      const key = keys[i % keys.length] as (typeof keys)[number];
      createHmac('sha256', key.secret)
        .update((nonces[i] as string) + key.kid)
        .digest('hex');
    }
    const bareHmacPerSecond = SIGNATURES / (elapsedMs(started) / 1000);
    vault.close();

    started = process.hrtime.bigint();
    (await derivePassphraseKey('a passphrase for timing', newScryptParams(DEFAULT_SCRYPT_COST))).fill(0);
    const kdfMs = elapsedMs(started);

    const passphraseChangeMs = await timePassphraseChange(path, keychain, keys.length, log);

    return {
      openAndUnlockMs: median(opens),
      listAccountsMs: median(lists),
      kdfMs,
      firstSignaturesPerSecond,
      vaultSignaturesPerSecond,
      bareHmacPerSecond,
      passphraseChangeMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Times one change of passphrase (a key rotation over every row), beside the two scrypt runs it needs at that cost. */
async function timePassphraseChange(path: string, keychain: KeychainWrapper, keyCount: number, log: (line: string) => void): Promise<number> {
  const vault = Vault.open({ path, keychain, scryptCost: CHANGE_SCRYPT_COST });
  try {
    await vault.access.unlock();
    await vault.access.setPassphrase(undefined, 'the first passphrase');
    let started = process.hrtime.bigint();
    await vault.access.setPassphrase('the first passphrase', 'the second passphrase');
    const changeMs = elapsedMs(started);
    started = process.hrtime.bigint();
    for (let i = 0; i < 2; i += 1) (await derivePassphraseKey('a passphrase for timing', newScryptParams(CHANGE_SCRYPT_COST))).fill(0);
    const kdfMs = elapsedMs(started);
    log(
      `  passphrase change, rotating the vault key over ${keyCount} keys across ${ACCOUNTS} accounts (scrypt N=2^14): ${changeMs.toFixed(0)} ms; ` +
        `its two scrypt runs alone ${kdfMs.toFixed(0)} ms; ratio ${(changeMs / kdfMs).toFixed(1)}x`,
    );
    return changeMs;
  } finally {
    vault.close();
  }
}
