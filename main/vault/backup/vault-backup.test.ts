import { randomBytes, randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeSignature } from '../../../app/barong/signature';
import { DEFAULT_POLICY, policyForLevel } from '../../../app/domain/agent-policy';
import type { Vault, VaultOptions } from '../vault';
import { KeysStore } from '../store/keys-store';
import { textForms } from '../tests/secret-encodings';
import { newKid, newSecret, newTotpSeed, openTempVault, randomHex, TEST_SCRYPT_COST } from '../tests/vault-fixture';
import { openBackup, sealBackup } from './backup-format';
import { exportBackup, importBackup } from './vault-backup';

const NONCE = '1767225600000';
const TABLES = ['accounts', 'api_keys', 'settings', 'audit_log', 'key_wraps', 'unlock_failures'];

// Distinctive values, new for every run, so that a search of the file cannot match by chance.
const SOURCE_PASSPHRASE = `source vault ${randomHex(8)}`;
const TARGET_PASSPHRASE = `target vault ${randomHex(8)}`;
const BACKUP_PASSPHRASE = `backup ${randomHex(8)}`;

afterEach(() => {
  vi.restoreAllMocks();
});

/** The headers the vault signs for the key's own exchange. */
const signed = (vault: Vault, keyId: string) => vault.sign(keyId, NONCE, vault.account(vault.key(keyId).accountId).baseUrl);

function clock(): () => number {
  let now = 1_767_225_600_000;
  return () => (now += 1000);
}

async function vaultWith(passphrase: string, options: Partial<VaultOptions> = {}) {
  const opened = openTempVault({ now: clock(), ...options });
  await opened.vault.access.create({ passphrase, keychain: false });
  return opened;
}

/** Two accounts with 2FA seeds, four keys of every kind and state, custom order and settings. */
async function sourceVault() {
  const { vault, path } = await vaultWith(SOURCE_PASSPHRASE);
  const kids = { main1: newKid(), main2: newKid(), main3: newKid(), spare: `legacy-${randomHex(4)}` };
  const secrets = { main1: newSecret(), main2: newSecret(), main3: newSecret(), spare: `Legacy/${randomHex(12)}` };
  const seeds = { main: newTotpSeed(), spare: newTotpSeed() };
  const main = vault.createAccount({
    name: 'Main',
    baseUrl: 'https://exchange.example.com/',
    loginEmail: 'trader@example.com',
    notes: 'desk one',
    color: '#3366cc',
    nonceLifetimeMs: 7000,
  });
  const spare = vault.createAccount({ name: 'Spare', baseUrl: 'http://127.0.0.1:4000' });
  vault.setTotpSeed(main.id, seeds.main);
  vault.setTotpSeed(spare.id, seeds.spare);
  const keys = {
    main1: vault.importKey({ accountId: main.id, kid: kids.main1, secret: secrets.main1, label: 'bot', scopes: ['read', 'trade'] }).key,
    main2: vault.storeCreatedKey({ accountId: main.id, kid: kids.main2, secret: secrets.main2, remoteState: 'disabled' }).key,
    main3: vault.storeCreatedKey({ accountId: main.id, kid: kids.main3, secret: secrets.main3, label: 'spot' }).key,
    spare: vault.importKey({ accountId: spare.id, kid: kids.spare, secret: secrets.spare }).key,
  };
  vault.recordUse(keys.main1.id, { action: 'sign', method: 'GET', path: '/api/v2/peatio/account/balances', status: 200 });
  vault.markRemoteState(keys.spare.id, 'inactive');
  vault.reorderAccounts([spare.id, main.id]);
  vault.updateSettings({ autoLockMinutes: 3, theme: 'dark', defaultCommandFormat: 'httpie' });
  return { vault, path, main, spare, kids, secrets, seeds, keys };
}

/** A vault that already holds something, so that "nothing written" has something to compare. */
async function busyVault() {
  const opened = await vaultWith(TARGET_PASSPHRASE);
  const account = opened.vault.createAccount({ name: 'Existing', baseUrl: 'https://existing.example.com' });
  opened.vault.importKey({ accountId: account.id, kid: newKid(), secret: newSecret() });
  opened.vault.setTotpSeed(account.id, newTotpSeed());
  opened.vault.updateSettings({ theme: 'light' });
  return opened;
}

/** The vault as its API shows it, and every row of every table as a second connection reads it. */
function snapshot(vault: Vault, path: string) {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return {
      rows: Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()])),
      counts: Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()])),
      accounts: vault.listAccounts(),
      keys: vault.listAccounts().map((account) => vault.listKeys(account.id)),
      audit: vault.auditLog(1000),
      settings: vault.getSettings(),
    };
  } finally {
    db.close();
  }
}

async function expectNothingWritten(target: { vault: Vault; path: string }, attempt: () => Promise<unknown>, code: string, what: string) {
  const before = snapshot(target.vault, target.path);
  await expect(attempt(), what).rejects.toMatchObject({ code });
  expect(snapshot(target.vault, target.path), what).toEqual(before);
}

function flipBit(bytes: Buffer, index: number, bit = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] ?? 0) ^ (1 << bit);
  return copy;
}

const headerEnd = (file: Buffer) => 13 + file.readUInt32BE(9);

/** The same backup with its decrypted payload changed, sealed again with the same passphrase. */
async function withPayload(file: Buffer, change: (payload: Record<string, unknown>) => unknown): Promise<Buffer> {
  const payload = JSON.parse((await openBackup(file, BACKUP_PASSPHRASE)).toString('utf8')) as Record<string, unknown>;
  const changed = change(payload);
  return sealBackup(Buffer.from(typeof changed === 'string' ? changed : JSON.stringify(changed)), BACKUP_PASSPHRASE, { cost: TEST_SCRYPT_COST, now: 0 });
}

describe('vault backup: round trip', () => {
  it('restores accounts, seeds, keys, settings and signatures into a fresh vault with another passphrase', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const target = await vaultWith(TARGET_PASSPHRASE);

    const report = await importBackup(target.vault, file, BACKUP_PASSPHRASE, { applySettings: true, ownerConfirmed: true });

    expect(report).toEqual({ accountsAdded: 2, accountsMatched: 0, keysAdded: 4, duplicates: [], settingsApplied: true });
    expect(target.vault.listAccounts()).toEqual(source.vault.listAccounts());
    expect(target.vault.listAccounts().map((account) => account.name)).toEqual(['Spare', 'Main']);
    for (const account of source.vault.listAccounts()) {
      expect(target.vault.listKeys(account.id)).toEqual(source.vault.listKeys(account.id));
    }
    expect(target.vault.key(source.keys.main1.id).lastUsedAt).not.toBeNull();
    expect(target.vault.totpSeed(source.main.id)).toBe(source.seeds.main);
    expect(target.vault.totpSeed(source.spare.id)).toBe(source.seeds.spare);
    expect(target.vault.getSettings()).toEqual({ autoLockMinutes: 3, clipboardClearSeconds: 20, defaultCommandFormat: 'httpie', theme: 'dark' });

    // Sealed with the target's own key: it still signs after a lock and an unlock with the target's passphrase.
    target.vault.access.lock();
    await target.vault.access.unlock(TARGET_PASSPHRASE);
    for (const [name, key] of Object.entries(source.keys)) {
      const secret = source.secrets[name as keyof typeof source.secrets];
      expect(signed(target.vault, key.id), name).toEqual(signed(source.vault, key.id));
      expect(signed(target.vault, key.id)['X-Auth-Signature'], name).toBe(computeSignature({ kid: key.kid, secret, nonce: NONCE }));
    }
  });

  it('leaves key policies behind: a restored key starts closed to local programs', async () => {
    const source = await sourceVault();
    source.vault.setKeyPolicy(source.keys.main1.id, { ...policyForLevel('all'), withdrawalPaths: ['/api/v2/peatio/account/withdraws'] });
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    expect((await openBackup(file, BACKUP_PASSPHRASE)).toString('utf8')).not.toMatch(/policy|agentUse|withdraws/);
    const target = await vaultWith(TARGET_PASSPHRASE);

    await importBackup(target.vault, file, BACKUP_PASSPHRASE);

    expect(target.vault.keyPolicy(source.keys.main1.id)).toEqual(DEFAULT_POLICY);
    expect(target.vault.agentKeys().filter((key) => key.policy.agentUse)).toEqual([]);
    expect(source.vault.keyPolicy(source.keys.main1.id).agentUse).toBe(true);
  });

  it('audits the export and the import, naming counts only', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const target = await vaultWith(TARGET_PASSPHRASE);
    await importBackup(target.vault, file, BACKUP_PASSPHRASE);
    expect(source.vault.auditLog(1)).toEqual([expect.objectContaining({ action: 'export-backup', outcome: '2 accounts, 4 keys', keyId: null })]);
    expect(target.vault.auditLog(10)).toEqual([
      expect.objectContaining({ action: 'import-backup', outcome: '2 accounts added, 0 matched, 4 keys added, 0 duplicates', keyId: null }),
    ]);
  });

  it('takes the scrypt cost from the file: a vault at a higher cost imports a backup written at a lower one', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const higher = { N: 2 ** 15, r: 8, p: 1 };
    const target = await vaultWith(TARGET_PASSPHRASE, { scryptCost: higher });
    const headerOf = (backup: Buffer) => JSON.parse(backup.subarray(13, headerEnd(backup)).toString('utf8')) as { scrypt: object };

    expect(headerOf(file).scrypt).toMatchObject(TEST_SCRYPT_COST);
    expect(await importBackup(target.vault, file, BACKUP_PASSPHRASE)).toMatchObject({ accountsAdded: 2, keysAdded: 4 });
    expect(headerOf(await exportBackup(target.vault, BACKUP_PASSPHRASE)).scrypt).toMatchObject(higher);
  });
});

describe('vault backup: merge into a vault that has accounts', () => {
  it('matches accounts by exchange and name, adds what is missing, reports duplicates and leaves existing rows alone', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const target = await vaultWith(TARGET_PASSPHRASE);
    // The same exchange written differently: upper-case host, default port.
    const main = target.vault.createAccount({ name: 'Main', baseUrl: 'https://EXCHANGE.example.com:443' });
    const same = target.vault.importKey({ accountId: main.id, kid: source.kids.main1, secret: source.secrets.main1, label: 'mine' }).key;
    const otherSecret = newSecret();
    const conflicting = target.vault.importKey({ accountId: main.id, kid: source.kids.main2, secret: otherSecret }).key;
    const otherSpare = target.vault.createAccount({ name: 'Spare', baseUrl: 'https://other.example.com' });
    target.vault.updateSettings({ theme: 'light' });
    const before = snapshot(target.vault, target.path);

    const report = await importBackup(target.vault, file, BACKUP_PASSPHRASE, { ownerConfirmed: true });

    expect(report).toEqual({
      accountsAdded: 1,
      accountsMatched: 1,
      keysAdded: 2,
      duplicates: [
        { account: 'Main', kid: source.kids.main1, sameSecret: true },
        { account: 'Main', kid: source.kids.main2, sameSecret: false },
      ],
      settingsApplied: false,
    });
    const after = snapshot(target.vault, target.path);
    for (const table of ['accounts', 'api_keys'] as const) {
      const existing = (before.rows[table] ?? []) as Array<{ id: string }>;
      expect(after.rows[table]?.slice(0, existing.length), table).toEqual(existing);
    }
    expect(after.rows.settings).toEqual(before.rows.settings);
    expect(after.rows.key_wraps).toEqual(before.rows.key_wraps);
    expect(after.audit.slice(1)).toEqual(before.audit);
    expect(target.vault.getSettings().theme).toBe('light');

    // The conflicting key keeps the target's secret; the missing key joined the matched account.
    expect(signed(target.vault, conflicting.id)['X-Auth-Signature']).toBe(computeSignature({ kid: source.kids.main2, secret: otherSecret, nonce: NONCE }));
    expect(target.vault.key(same.id).label).toBe('mine');
    const mainKeys = target.vault.listKeys(main.id);
    expect(mainKeys.map((key) => key.kid)).toEqual([source.kids.main1, source.kids.main2, source.kids.main3]);
    const added = mainKeys[2];
    expect(added).toMatchObject({ label: 'spot', remoteState: 'active', origin: 'created', createdAt: source.keys.main3.createdAt });
    expect(added?.id).not.toBe(source.keys.main3.id);
    expect(signed(target.vault, added?.id ?? '')).toEqual(signed(source.vault, source.keys.main3.id));
    expect(target.vault.totpSeed(main.id)).toBeNull();

    // The source's Spare is on another exchange than the target's: added, with a new id, after the others.
    const spare = target.vault.listAccounts().at(-1);
    if (!spare) throw new Error('no accounts');
    expect(spare.id).not.toBe(source.spare.id);
    expect(spare.id).not.toBe(otherSpare.id);
    expect(spare.sortOrder).toBe(2);
    expect({ ...spare, id: 'new', sortOrder: 2 }).toEqual({
      ...source.vault.account(source.spare.id),
      id: 'new',
      sortOrder: 2,
      keys: [{ kid: source.kids.spare, label: source.keys.spare.label }],
      // A backup does not carry when a key last signed.
      lastUsedAt: null,
    });
    expect(target.vault.totpSeed(spare.id)).toBe(source.seeds.spare);
    const [spareKey] = target.vault.listKeys(spare.id);
    expect(spareKey).toMatchObject({ kid: source.kids.spare, remoteState: 'inactive', origin: 'imported' });
    expect(signed(target.vault, spareKey?.id ?? '')).toEqual(signed(source.vault, source.keys.spare.id));
  });

  it('adds nothing when the same backup is imported again', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const target = await busyVault();
    expect(await importBackup(target.vault, file, BACKUP_PASSPHRASE)).toMatchObject({
      accountsAdded: 2,
      accountsMatched: 0,
      keysAdded: 4,
      settingsApplied: false,
    });
    const before = snapshot(target.vault, target.path);

    const again = await importBackup(target.vault, file, BACKUP_PASSPHRASE);

    expect(again).toEqual({
      accountsAdded: 0,
      accountsMatched: 2,
      keysAdded: 0,
      duplicates: [source.kids.spare, source.kids.main1, source.kids.main2, source.kids.main3].map((kid, index) => ({
        account: index === 0 ? 'Spare' : 'Main',
        kid,
        sameSecret: true,
      })),
      settingsApplied: false,
    });
    const after = snapshot(target.vault, target.path);
    expect({ ...after.rows, audit_log: [] }).toEqual({ ...before.rows, audit_log: [] });
    expect(after.audit.slice(1)).toEqual(before.audit);
  });
});

describe('vault backup: refused imports write nothing', () => {
  it('refuses a wrong passphrase', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const target = await busyVault();
    await expectNothingWritten(target, () => importBackup(target.vault, file, `${BACKUP_PASSPHRASE}!`), 'backup.wrong_passphrase', 'wrong passphrase');
    await expectNothingWritten(target, () => importBackup(target.vault, file, SOURCE_PASSPHRASE), 'backup.wrong_passphrase', 'vault passphrase');
    await expectNothingWritten(target, () => importBackup(target.vault, file, 'short'), 'input.invalid', 'too short to be a backup passphrase');
  });

  it('refuses damaged files with the right error', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const target = await busyVault();
    const end = headerEnd(file);
    const createdAtDigit = file.indexOf('"createdAt":') + '"createdAt":'.length + 12;
    const cases: Array<[string, Buffer, string]> = [
      ['a flipped bit in the IV', flipBit(file, end + 3), 'backup.wrong_passphrase'],
      ['a flipped bit in the tag', flipBit(file, end + 20, 7), 'backup.wrong_passphrase'],
      ['a flipped bit at the start of the payload', flipBit(file, end + 28, 2), 'backup.wrong_passphrase'],
      ['a flipped bit in the middle of the payload', flipBit(file, Math.floor((end + 28 + file.length) / 2), 5), 'backup.wrong_passphrase'],
      ['a flipped bit at the end of the payload', flipBit(file, file.length - 1, 6), 'backup.wrong_passphrase'],
      ['a flipped bit in the magic', flipBit(file, 0), 'backup.corrupt'],
      ['a flipped bit in the version', flipBit(file, 8), 'backup.corrupt'],
      ['a flipped bit in the header length', flipBit(file, 12, 3), 'backup.corrupt'],
      ['a flipped bit in the JSON syntax of the header', flipBit(file, 13, 1), 'backup.corrupt'],
      ['a flipped bit in the created time (still readable)', flipBit(file, createdAtDigit), 'backup.wrong_passphrase'],
      ...[0, 5, 12, 13, end - 1, end, end + 27, end + 28, file.length - 1].map((length): [string, Buffer, string] => [
        `a file cut at ${length} of ${file.length} bytes`,
        file.subarray(0, length),
        'backup.corrupt',
      ]),
      ['random bytes', randomBytes(file.length), 'backup.corrupt'],
    ];
    for (const [what, damaged, code] of cases) {
      await expectNothingWritten(target, () => importBackup(target.vault, damaged, BACKUP_PASSPHRASE), code, what);
    }
  });

  it('checks the whole payload before writing: a well-formed payload of the wrong shape is corrupt', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    type Payload = { accounts: Array<Record<string, unknown> & { keys: Array<Record<string, unknown>> }>; settings: Record<string, unknown> };
    const changes: Array<[string, (payload: Payload) => unknown]> = [
      ['not JSON', () => '{"accounts": ['],
      ['no accounts', ({ settings }) => ({ settings })],
      ['an unknown theme', (payload) => ({ ...payload, settings: { ...payload.settings, theme: 'neon' } })],
      [
        'a bad URL on the last account',
        (payload) => ({ ...payload, accounts: payload.accounts.map((account, index) => (index === 1 ? { ...account, baseUrl: 'ftp://x' } : account)) }),
      ],
      [
        'a secret with a space in the last key',
        (payload) => ({
          ...payload,
          accounts: payload.accounts.map((account, index) =>
            index === 1 ? { ...account, keys: account.keys.map((key, k) => (k === 2 ? { ...key, secret: 'a b' } : key)) } : account,
          ),
        }),
      ],
      [
        'a kid twice in an account',
        (payload) => ({
          ...payload,
          accounts: payload.accounts.map((account) => ({
            ...account,
            keys: [...account.keys, ...account.keys.slice(0, 1).map((key) => ({ ...key, id: randomUUID() }))],
          })),
        }),
      ],
      ['a 2FA seed that is not base32', (payload) => ({ ...payload, accounts: payload.accounts.map((account) => ({ ...account, totpSeed: '0189' })) })],
    ];
    const damagedFiles = await Promise.all(
      changes.map(async ([what, change]) => [what, await withPayload(file, (payload) => change(payload as Payload))] as const),
    );
    for (const target of [await vaultWith(TARGET_PASSPHRASE), await busyVault()]) {
      for (const [what, damaged] of damagedFiles) {
        await expectNothingWritten(target, () => importBackup(target.vault, damaged, BACKUP_PASSPHRASE), 'backup.corrupt', what);
      }
      // The same re-sealing, unchanged, imports: the refusals above come from the changes.
      expect(await importBackup(target.vault, await withPayload(file, (payload) => payload), BACKUP_PASSPHRASE)).toMatchObject({ keysAdded: 4 });
    }
  });

  it('rolls the whole import back when a write fails half way', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const target = await busyVault();
    const restore = KeysStore.prototype.restore;
    let writes = 0;
    vi.spyOn(KeysStore.prototype, 'restore').mockImplementation(function (this: KeysStore, ...args: Parameters<KeysStore['restore']>) {
      writes += 1;
      if (writes === 3) throw new Error('disk full');
      restore.apply(this, args);
    });
    const before = snapshot(target.vault, target.path);
    await expect(importBackup(target.vault, file, BACKUP_PASSPHRASE)).rejects.toThrow('disk full');
    expect(writes).toBe(3);
    expect(snapshot(target.vault, target.path)).toEqual(before);
  });
});

describe('vault backup: secrecy and access', () => {
  it('writes no secret, 2FA seed or passphrase into the file, in any common encoding', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    const hidden = {
      ...Object.fromEntries(Object.entries(source.secrets).map(([name, value]) => [`secret ${name}`, value])),
      ...Object.fromEntries(Object.entries(source.seeds).map(([name, value]) => [`2FA seed ${name}`, value])),
      'vault passphrase': SOURCE_PASSPHRASE,
      'backup passphrase': BACKUP_PASSPHRASE,
    };
    for (const [what, value] of Object.entries(hidden)) {
      expect(textForms(value).filter((form) => file.includes(form)).length, what).toBe(0);
    }
    // The search itself finds what it looks for: every secret and seed is in the decrypted payload.
    const payload = await openBackup(file, BACKUP_PASSPHRASE);
    for (const value of [...Object.values(source.secrets), ...Object.values(source.seeds)]) {
      expect(textForms(value).some((form) => payload.includes(form))).toBe(true);
    }
  });

  it('needs the vault unlocked to export and to import, also when it locks during the import', async () => {
    const source = await sourceVault();
    const file = await exportBackup(source.vault, BACKUP_PASSPHRASE);
    source.vault.access.lock();
    await expectNothingWritten(source, () => exportBackup(source.vault, BACKUP_PASSPHRASE), 'vault.locked', 'export while locked');

    const target = await busyVault();
    target.vault.access.lock();
    await expectNothingWritten(target, () => importBackup(target.vault, file, BACKUP_PASSPHRASE), 'vault.locked', 'import while locked');

    await target.vault.access.unlock(TARGET_PASSPHRASE);
    await expectNothingWritten(
      target,
      () => {
        const importing = importBackup(target.vault, file, BACKUP_PASSPHRASE);
        target.vault.access.lock();
        return importing;
      },
      'vault.locked',
      'locked while the backup was being decrypted',
    );
  });

  it('refuses a backup passphrase shorter than 8 characters', async () => {
    const source = await sourceVault();
    await expect(exportBackup(source.vault, '1234567')).rejects.toMatchObject({ code: 'input.invalid', message: expect.stringContaining('backup passphrase') });
    expect(source.vault.auditLog(1)[0]?.action).not.toBe('export-backup');
  });
});
