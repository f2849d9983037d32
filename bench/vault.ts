import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { originOf } from '../app/barong/origin';
import { derivePassphraseKey, DEFAULT_SCRYPT_COST, newScryptParams } from '../main/vault/crypto/passphrase-kdf';
import type { KeychainWrapper } from '../main/vault/keychain-wrapper';
import { Vault } from '../main/vault/vault';

const ACCOUNTS = 500;
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
      createHmac('sha256', key.secret).update((nonces[i] as string) + key.kid).digest('hex');
    }
    const bareHmacPerSecond = SIGNATURES / (elapsedMs(started) / 1000);
    vault.close();

    started = process.hrtime.bigint();
    (await derivePassphraseKey('a passphrase for timing', newScryptParams(DEFAULT_SCRYPT_COST))).fill(0);
    const kdfMs = elapsedMs(started);

    return {
      openAndUnlockMs: median(opens),
      listAccountsMs: median(lists),
      kdfMs,
      firstSignaturesPerSecond,
      vaultSignaturesPerSecond,
      bareHmacPerSecond,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
