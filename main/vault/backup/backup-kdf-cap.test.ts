import { afterEach, describe, expect, it, vi } from 'vitest';
import { derivePassphraseKey } from '../crypto/passphrase-kdf';
import type * as PassphraseKdf from '../crypto/passphrase-kdf';
import { newKid, newSecret, openTempVault, PASSPHRASE } from '../tests/vault-fixture';
import { MAX_BACKUP_SCRYPT, openBackup, sealBackup } from './backup-format';
import { exportBackup, importBackup } from './vault-backup';

// The real scrypt, watched: a refused file must be refused before a single derivation.
vi.mock('../crypto/passphrase-kdf', async (importOriginal) => {
  const original = await importOriginal<typeof PassphraseKdf>();
  return { ...original, derivePassphraseKey: vi.fn(original.derivePassphraseKey) };
});
const derive = vi.mocked(derivePassphraseKey);

const BACKUP_PASSPHRASE = 'backup passphrase for the cost cap';
const FAST = { N: 2 ** 14, r: 8, p: 1 };

afterEach(() => {
  derive.mockClear();
});

/** The same file with other scrypt parameters in its header, as an attacker would write it: no need to run scrypt to craft one. */
function withScrypt(file: Buffer, scrypt: { N: number; r: number; p: number }): Buffer {
  const headerEnd = 13 + file.readUInt32BE(9);
  const header = JSON.parse(file.subarray(13, headerEnd).toString('utf8')) as { scrypt: object };
  const headerBytes = Buffer.from(JSON.stringify({ ...header, scrypt: { ...header.scrypt, ...scrypt } }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  return Buffer.concat([file.subarray(0, 9), length, headerBytes, file.subarray(headerEnd)]);
}

const COSTLY: Array<[string, { N: number; r: number; p: number }]> = [
  ['128 times the default work (N = 2^20, p = 16), about 41 s for one attempt', { N: 2 ** 20, r: 8, p: 16 }],
  ['N = 2^24, 16 GiB of memory', { N: 2 ** 24, r: 8, p: 1 }],
  ['N just above the cap', { N: MAX_BACKUP_SCRYPT.N * 2, r: 1, p: 1 }],
  ['r above the cap', { N: 2 ** 10, r: MAX_BACKUP_SCRYPT.r * 2, p: 1 }],
  ['p above the cap', { N: 2 ** 10, r: 8, p: MAX_BACKUP_SCRYPT.p * 2 }],
  ['each within its bound, but four times the default work together', { N: 2 ** 18, r: 16, p: 1 }],
];

describe('backup scrypt cost cap', () => {
  it('derives once for a file at the usual cost, so the watch below sees derivations', async () => {
    const file = await sealBackup(Buffer.from('{}'), BACKUP_PASSPHRASE, { cost: FAST, now: 0 });
    derive.mockClear();
    await expect(openBackup(file, BACKUP_PASSPHRASE)).resolves.toEqual(Buffer.from('{}'));
    expect(derive).toHaveBeenCalledTimes(1);
  });

  it.each(COSTLY)('refuses a header asking for %s with backup.kdf_too_costly, without deriving', async (_what, scrypt) => {
    const file = withScrypt(await sealBackup(Buffer.from('{}'), BACKUP_PASSPHRASE, { cost: FAST, now: 0 }), scrypt);
    derive.mockClear();
    await expect(openBackup(file, BACKUP_PASSPHRASE)).rejects.toMatchObject({
      code: 'backup.kdf_too_costly',
      message: expect.stringMatching(/slower passphrase check/),
    });
    expect(derive).not.toHaveBeenCalled();
  });

  it('does not write a backup it could not open again', async () => {
    await expect(sealBackup(Buffer.from('{}'), BACKUP_PASSPHRASE, { cost: { N: 2 ** 20, r: 8, p: 1 }, now: 0 })).rejects.toMatchObject({
      code: 'backup.kdf_too_costly',
    });
    expect(derive).not.toHaveBeenCalled();
  });

  it('refuses the crafted file at the vault too: nothing derived, nothing written', async () => {
    const { vault } = openTempVault();
    await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
    const account = vault.createAccount({ name: 'Main', baseUrl: 'https://exchange.example.com' });
    vault.importKey({ accountId: account.id, kid: newKid(), secret: newSecret() });
    const file = withScrypt(await exportBackup(vault, BACKUP_PASSPHRASE), { N: 2 ** 20, r: 8, p: 16 });
    const auditBefore = vault.auditLog(1000);
    derive.mockClear();

    await expect(importBackup(vault, file, BACKUP_PASSPHRASE)).rejects.toMatchObject({ code: 'backup.kdf_too_costly' });

    expect(derive).not.toHaveBeenCalled();
    expect(vault.auditLog(1000)).toEqual(auditBefore);
    expect(vault.listKeys(account.id)).toHaveLength(1);
  });
});
