import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { computeSignature } from '../../../app/barong/signature';
import type { Vault } from '../vault';
import { newKid, newSecret, openTempVault, randomHex, TEST_SCRYPT_COST } from '../tests/vault-fixture';
import { openBackup, sealBackup } from './backup-format';
import { BACKUP_LIMITS } from './backup-payload';
import { exportBackup, importBackup, importPlanSummary, needsOwner, previewBackup } from './vault-backup';

const NONCE = '1767225600000';
const BACKUP_PASSPHRASE = `backup ${randomHex(8)}`;

async function vaultWith(name: string) {
  const opened = openTempVault();
  await opened.vault.access.create({ passphrase: `${name} vault ${randomHex(8)}`, keychain: false });
  return opened;
}

/** Every row of every table, read by a second connection: what is on disk. */
function onDisk(path: string) {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

/** The same backup with its decrypted payload changed, as an attacker holding the passphrase would write it. */
async function withPayload(
  file: Buffer,
  change: (payload: { accounts: Array<Record<string, unknown>>; settings: Record<string, unknown> }) => unknown,
): Promise<Buffer> {
  const payload = JSON.parse((await openBackup(file, BACKUP_PASSPHRASE)).toString('utf8')) as Parameters<typeof change>[0];
  return sealBackup(Buffer.from(JSON.stringify(change(payload))), BACKUP_PASSPHRASE, { cost: TEST_SCRYPT_COST, now: 0 });
}

/** A backup of one account "Main" on exchange.example.com with two keys, and settings that protect less. */
async function hostileBackup() {
  const { vault } = await vaultWith('source');
  const main = vault.createAccount({ name: 'Main', baseUrl: 'https://exchange.example.com' });
  const keys = [
    { kid: newKid(), secret: newSecret(), label: 'planted' },
    { kid: newKid(), secret: newSecret(), label: 'second' },
  ];
  for (const key of keys) vault.importKey({ accountId: main.id, ...key });
  vault.updateSettings({ autoLockMinutes: 0, clipboardClearSeconds: 600, theme: 'dark' });
  return { file: await exportBackup(vault, BACKUP_PASSPHRASE), keys };
}

const signedBy = (vault: Vault, keyId: string) => vault.sign(keyId, NONCE, vault.account(vault.key(keyId).accountId).baseUrl)['X-Auth-Signature'];

describe('backup import in two steps: the plan first', () => {
  it('shows keys a merge would add to an existing account, writing nothing, and needs the owner to apply them', async () => {
    const { file, keys } = await hostileBackup();
    const target = await vaultWith('target');
    const main = target.vault.createAccount({ name: 'Main', baseUrl: 'https://exchange.example.com/' });
    const before = onDisk(target.path);

    const plan = await previewBackup(target.vault, file, BACKUP_PASSPHRASE);

    expect(onDisk(target.path)).toEqual(before);
    expect(plan).toEqual({
      restoring: false,
      newAccounts: [],
      keysIntoExisting: keys.map(({ kid, label }) => ({ account: 'Main', kid, label })),
      duplicates: [],
      lookAlikes: [],
      settings: [
        { name: 'autoLockMinutes', current: 10, backup: 0 },
        { name: 'clipboardClearSeconds', current: 20, backup: 600 },
        { name: 'theme', current: 'system', backup: 'dark' },
      ],
    });
    expect(JSON.stringify(plan)).not.toContain(keys[0]?.secret);
    expect(importPlanSummary(plan, false)).toEqual({ addsKeysToExistingAccounts: true, lowersProtection: false });
    expect(needsOwner(plan, false)).toBe('Add 2 keys from a backup to accounts already in the vault');

    // The vault itself refuses what needs the owner unless the privilege check confirmed this import.
    await expect(importBackup(target.vault, file, BACKUP_PASSPHRASE)).rejects.toMatchObject({ code: 'owner.passphrase_required' });
    expect(target.vault.listKeys(main.id)).toEqual([]);
    const report = await importBackup(target.vault, file, BACKUP_PASSPHRASE, { ownerConfirmed: true });
    expect(report).toMatchObject({ accountsAdded: 0, accountsMatched: 1, keysAdded: 2, settingsApplied: false });
    const [planted] = target.vault.listKeys(main.id);
    expect(signedBy(target.vault, planted?.id ?? '')).toBe(computeSignature({ kid: keys[0]?.kid ?? '', secret: keys[0]?.secret ?? '', nonce: NONCE }));
  });

  it("never applies a backup's settings unasked, not even when restoring into an empty vault", async () => {
    const { file } = await hostileBackup();
    const target = await vaultWith('empty');
    const settings = target.vault.getSettings();

    const plan = await previewBackup(target.vault, file, BACKUP_PASSPHRASE);
    expect(plan.restoring).toBe(true);
    expect(plan.newAccounts).toEqual([{ name: 'Main', host: 'exchange.example.com', keyCount: 2 }]);
    expect(importPlanSummary(plan, false)).toEqual({ addsKeysToExistingAccounts: false, lowersProtection: false });
    expect(needsOwner(plan, false)).toBeNull();
    expect(needsOwner(plan, true)).toBe("Apply the backup's auto-lock and clipboard clearing setting, which protects less than the current one");

    expect(await importBackup(target.vault, file, BACKUP_PASSPHRASE)).toMatchObject({ accountsAdded: 1, keysAdded: 2, settingsApplied: false });
    expect(target.vault.getSettings()).toEqual(settings);
  });

  it('applies the settings when asked', async () => {
    const { file } = await hostileBackup();
    const target = await vaultWith('empty');
    expect(await importBackup(target.vault, file, BACKUP_PASSPHRASE, { applySettings: true, ownerConfirmed: true })).toMatchObject({ settingsApplied: true });
    expect(target.vault.getSettings()).toMatchObject({ autoLockMinutes: 0, clipboardClearSeconds: 600, theme: 'dark' });
    expect(target.vault.auditLog(1)[0]?.outcome).toBe('1 accounts added, 0 matched, 2 keys added, 0 duplicates, settings applied');
  });

  it('flags new accounts whose name or host looks like one already here', async () => {
    const { file } = await hostileBackup();
    const lookAlike = await withPayload(file, (payload) => {
      const [main] = payload.accounts;
      return {
        ...payload,
        accounts: [
          { ...main, name: 'Mаin' },
          { ...main, id: crypto.randomUUID(), name: 'Main', baseUrl: 'https://exchange.exarnple.com', keys: [] },
          { ...main, id: crypto.randomUUID(), name: 'Spare', baseUrl: 'https://other.example.org', keys: [] },
        ],
      };
    });
    const target = await vaultWith('target');
    target.vault.createAccount({ name: 'Main', baseUrl: 'https://exchange.example.com' });

    const plan = await previewBackup(target.vault, lookAlike, BACKUP_PASSPHRASE);

    const existing = { name: 'Main', host: 'exchange.example.com' };
    expect(plan.keysIntoExisting).toEqual([]);
    expect(plan.newAccounts.map((account) => account.name)).toEqual(['Mаin', 'Main', 'Spare']);
    expect(plan.lookAlikes).toEqual([
      { backup: { name: 'Mаin', host: 'exchange.example.com' }, existing, why: 'name' },
      { backup: { name: 'Main', host: 'exchange.exarnple.com' }, existing, why: 'host' },
    ]);
  });
});

describe('backup import: size caps', () => {
  it.each([
    [
      'more accounts than the cap',
      (payload: { accounts: Array<Record<string, unknown>> }) => ({
        ...payload,
        accounts: Array.from({ length: BACKUP_LIMITS.accounts + 1 }, () => ({ ...payload.accounts[0], id: crypto.randomUUID(), keys: [] })),
      }),
    ],
    [
      'more keys than the cap',
      (payload: { accounts: Array<Record<string, unknown>> }) => ({
        ...payload,
        accounts: [{ ...payload.accounts[0], keys: Array.from({ length: BACKUP_LIMITS.keys + 1 }, () => ({})) }],
      }),
    ],
    [
      'a secret longer than any key',
      (payload: { accounts: Array<{ keys: Array<Record<string, unknown>> }> }) => ({
        ...payload,
        accounts: [{ ...payload.accounts[0], keys: [{ ...payload.accounts[0]?.keys[0], secret: 'a'.repeat(BACKUP_LIMITS.secret + 1) }] }],
      }),
    ],
  ])('refuses %s with backup.too_large, in preview and import, writing nothing', async (_what, change) => {
    const { file } = await hostileBackup();
    const huge = await withPayload(file, change as (payload: unknown) => unknown);
    const target = await vaultWith('target');
    target.vault.createAccount({ name: 'Existing', baseUrl: 'https://existing.example.com' });
    const before = onDisk(target.path);

    await expect(previewBackup(target.vault, huge, BACKUP_PASSPHRASE)).rejects.toMatchObject({
      code: 'backup.too_large',
      message: expect.stringContaining('at most'),
    });
    await expect(importBackup(target.vault, huge, BACKUP_PASSPHRASE)).rejects.toMatchObject({ code: 'backup.too_large' });
    expect(onDisk(target.path)).toEqual(before);
  });
});

describe('backup export, written key by key', () => {
  it('carries secrets holding the characters JSON escapes, and they still sign after the round trip', async () => {
    const { vault } = await vaultWith('source');
    const account = vault.createAccount({ name: 'Odd', baseUrl: 'https://exchange.example.com' });
    const secret = `quote"back\\slash/${randomHex(8)}`;
    const kid = newKid();
    vault.importKey({ accountId: account.id, kid, secret });
    const target = await vaultWith('target');

    await importBackup(target.vault, await exportBackup(vault, BACKUP_PASSPHRASE), BACKUP_PASSPHRASE);

    const [key] = target.vault.listKeys(account.id);
    expect(signedBy(target.vault, key?.id ?? '')).toBe(computeSignature({ kid, secret, nonce: NONCE }));
  });
});
