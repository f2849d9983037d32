import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BackupAccount, BackupPayload } from './backup-payload';
import { accountIdentity, planImport } from './import-plan';
import type { ImportTarget } from './import-plan';

const SETTINGS = { autoLockMinutes: 3, clipboardClearSeconds: 20, defaultCommandFormat: 'curl', theme: 'dark' } as const;

function backupAccount(name: string, baseUrl: string, kids: string[] = []): BackupAccount {
  return {
    id: randomUUID(),
    name,
    baseUrl,
    nonceLifetimeMs: 5000,
    loginEmail: null,
    notes: null,
    color: null,
    sortOrder: 0,
    createdAt: 1,
    updatedAt: 2,
    totpSeed: null,
    keys: kids.map((kid) => ({
      id: randomUUID(),
      kid,
      secret: `secret-of-${kid}`,
      label: '',
      algorithm: 'HS256',
      scopes: [],
      remoteState: 'active',
      origin: 'imported',
      createdAt: 3,
      lastUsedAt: null,
    })),
  };
}

const payloadOf = (...accounts: BackupAccount[]): BackupPayload => ({ accounts, settings: SETTINGS });

function targetOf(accounts: ImportTarget['accounts'], secrets: Record<string, string> = {}): ImportTarget {
  let next = 0;
  return {
    accounts,
    settings: { ...SETTINGS, theme: 'light' },
    holdsSecret: (accountId, kid, secret) => (`${accountId}/${kid}` in secrets ? secrets[`${accountId}/${kid}`] === secret : undefined),
    newId: () => `new-${(next += 1)}`,
  };
}

describe('accountIdentity', () => {
  it.each([
    ['https://exchange.example.com', 'https://EXCHANGE.example.com:443'],
    ['https://exchange.example.com/api', 'https://exchange.example.com/api/'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000/'],
  ])('takes %s and %s for the same exchange', (a, b) => {
    expect(accountIdentity({ baseUrl: a, name: 'Main' })).toBe(accountIdentity({ baseUrl: b, name: 'Main' }));
  });

  it.each([
    [{ baseUrl: 'https://exchange.example.com/API', name: 'Main' }, 'a path differing in case'],
    [{ baseUrl: 'https://exchange.example.com:8443', name: 'Main' }, 'another port'],
    [{ baseUrl: 'https://exchange.example.com', name: 'main' }, 'a name differing in case'],
  ])('tells %j apart (%s)', (other) => {
    expect(accountIdentity(other)).not.toBe(accountIdentity({ baseUrl: 'https://exchange.example.com/api', name: 'Main' }));
  });
});

describe('planImport', () => {
  it('restores ids and order into a vault without accounts, and lists the settings that differ', () => {
    const account = { ...backupAccount('Main', 'https://exchange.example.com', ['k1']), sortOrder: 7 };
    const plan = planImport(payloadOf(account), targetOf([]));
    expect(plan.accounts.map(({ row }) => [row.id, row.sortOrder])).toEqual([[account.id, 7]]);
    expect(plan.keys.map(({ row }) => [row.id, row.accountId])).toEqual([[account.keys[0]?.id, account.id]]);
    expect(plan.report).toEqual({ accountsAdded: 1, accountsMatched: 0, keysAdded: 1, duplicates: [] });
    expect(plan.preview).toMatchObject({
      restoring: true,
      newAccounts: [{ name: 'Main', host: 'exchange.example.com', keyCount: 1 }],
      settings: [{ name: 'theme', current: 'light', backup: 'dark' }],
    });
  });

  it('pairs accounts of the same identity one to one, in order, and adds the extra ones after the existing', () => {
    const existing = [
      { id: 'first', name: 'Twin', baseUrl: 'https://exchange.example.com', sortOrder: 0 },
      { id: 'other', name: 'Other', baseUrl: 'https://other.example.com', sortOrder: 4 },
    ];
    const twins = [backupAccount('Twin', 'https://exchange.example.com/', ['a']), backupAccount('Twin', 'https://exchange.example.com', ['a'])];
    const plan = planImport(payloadOf(...twins), targetOf(existing, { 'first/a': 'secret-of-a' }));
    expect(plan.report).toEqual({ accountsAdded: 1, accountsMatched: 1, keysAdded: 1, duplicates: [{ account: 'Twin', kid: 'a', sameSecret: true }] });
    expect(plan.accounts.map(({ row }) => [row.id, row.sortOrder])).toEqual([['new-1', 5]]);
    expect(plan.keys.map(({ row }) => [row.id, row.accountId, row.kid])).toEqual([['new-2', 'new-1', 'a']]);
    expect(plan.preview).toMatchObject({ restoring: false, keysIntoExisting: [], duplicates: plan.report.duplicates });
  });

  it('adds a matched account only the kids it lacks, and reports a kid with another secret as not the same', () => {
    const existing = [{ id: 'main', name: 'Main', baseUrl: 'https://exchange.example.com', sortOrder: 0 }];
    const plan = planImport(
      payloadOf(backupAccount('Main', 'https://exchange.example.com', ['same', 'changed', 'new'])),
      targetOf(existing, { 'main/same': 'secret-of-same', 'main/changed': 'another' }),
    );
    expect(plan.report.duplicates).toEqual([
      { account: 'Main', kid: 'same', sameSecret: true },
      { account: 'Main', kid: 'changed', sameSecret: false },
    ]);
    expect(plan.accounts).toEqual([]);
    expect(plan.keys).toEqual([{ row: expect.objectContaining({ id: 'new-1', accountId: 'main', kid: 'new' }), secret: 'secret-of-new' }]);
    expect(plan.preview.keysIntoExisting).toEqual([{ account: 'Main', kid: 'new', label: '' }]);
  });
});
