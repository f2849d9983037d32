import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fixtures from '../../test/fixtures/signature-vectors.json';
import { PASSPHRASE, unlockedTempVault, signForItsAccount } from './tests/vault-fixture';

const SANDBOX = { name: 'Sandbox', baseUrl: 'http://127.0.0.1:4000/' };
const [vector] = fixtures.vectors;
if (!vector) throw new Error('no signature vectors');

describe('vault accounts', () => {
  it('creates an account with defaults and normalised fields', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount({ ...SANDBOX, loginEmail: ' ', notes: '  ' });
    expect(account).toMatchObject({
      name: 'Sandbox',
      baseUrl: 'http://127.0.0.1:4000',
      nonceLifetimeMs: 5000,
      loginEmail: null,
      notes: null,
      color: null,
      hasTotpSeed: false,
      sortOrder: 0,
    });
    expect(vault.createAccount({ name: 'Second', baseUrl: 'https://exchange.example' }).sortOrder).toBe(1);
  });

  it.each([
    [{ name: '', baseUrl: 'https://x.example' }, 'The account (name): Give the account a name.'],
    [{ name: 'X', baseUrl: 'http://x.example' }, 'must start with https://'],
    [{ name: 'X', baseUrl: 'https://x.example', nonceLifetimeMs: 10 }, 'At least 1000 ms'],
    [{ name: 'X', baseUrl: 'https://x.example', loginEmail: 'nope' }, 'Not an email address'],
    [{ name: 'X', baseUrl: 'https://x.example', color: 'red' }, 'A colour like #3366cc'],
  ])('refuses %j with a clear message', async (input, message) => {
    const { vault } = await unlockedTempVault();
    expect(() => vault.createAccount(input)).toThrow(expect.objectContaining({ code: 'input.invalid', message: expect.stringContaining(message) }));
    expect(vault.listAccounts()).toEqual([]);
  });

  it('edits, reorders and deletes accounts (keys go with their account)', async () => {
    const { vault } = await unlockedTempVault();
    const a = vault.createAccount(SANDBOX);
    const b = vault.createAccount({ name: 'Binance-like', baseUrl: 'https://b.example' });
    const { key } = vault.importKey({ accountId: a.id, kid: vector.kid, secret: vector.secret });
    expect(vault.updateAccount(a.id, { ...SANDBOX, name: 'Renamed', nonceLifetimeMs: 30_000 })).toMatchObject({ name: 'Renamed', nonceLifetimeMs: 30_000 });
    vault.reorderAccounts([b.id, a.id]);
    expect(vault.listAccounts().map((account) => [account.name, account.keys.length])).toEqual([
      ['Binance-like', 0],
      ['Renamed', 1],
    ]);
    expect(() => vault.reorderAccounts([a.id])).toThrow(expect.objectContaining({ code: 'vault.not_found' }));
    vault.deleteAccount(a.id);
    expect(vault.listAccounts().map((account) => account.id)).toEqual([b.id]);
    expect(() => vault.key(key.id)).toThrow(expect.objectContaining({ code: 'vault.not_found' }));
    expect(() => vault.deleteAccount(a.id)).toThrow(expect.objectContaining({ code: 'vault.not_found' }));
  });

  it('keeps a 2FA seed encrypted, normalised, and removable', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(SANDBOX);
    vault.setTotpSeed(account.id, 'jbsw y3dp ehpk 3pxp');
    expect(vault.account(account.id).hasTotpSeed).toBe(true);
    expect(vault.totpSeed(account.id)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => vault.setTotpSeed(account.id, 'not base32!')).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    vault.setTotpSeed(account.id, null);
    expect(vault.totpSeed(account.id)).toBeNull();
  });
});

describe('vault keys', () => {
  it('imports a key, signs the documented vector and never returns the secret with the key', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(SANDBOX);
    const { key, warnings } = vault.importKey({ accountId: account.id, kid: vector.kid, secret: vector.secret, label: 'bot', scopes: ['trade'] });
    expect(warnings).toEqual([]);
    expect(key).toMatchObject({
      kid: vector.kid,
      label: 'bot',
      scopes: ['trade'],
      origin: 'imported',
      remoteState: 'unknown',
      algorithm: 'HS256',
      lastUsedAt: null,
    });
    expect(JSON.stringify(key)).not.toContain(vector.secret);
    expect(signForItsAccount(vault, key.id, vector.nonce)).toEqual({
      'X-Auth-Apikey': vector.kid,
      'X-Auth-Nonce': vector.nonce,
      'X-Auth-Signature': vector.signature,
    });
  });

  it('signs every vector of the fixture', async () => {
    const { vault } = await unlockedTempVault();
    // Two vectors share a kid (ms and s nonces): one account each, as kids are unique per account.
    for (const [index, { kid, secret, nonce, signature }] of fixtures.vectors.entries()) {
      const account = vault.createAccount({ ...SANDBOX, name: `Exchange ${index}` });
      const { key } = vault.importKey({ accountId: account.id, kid, secret });
      expect(signForItsAccount(vault, key.id, nonce)['X-Auth-Signature']).toBe(signature);
    }
  });

  it('rejects a duplicate kid on the same account, allows it on another', async () => {
    const { vault } = await unlockedTempVault();
    const a = vault.createAccount(SANDBOX);
    const b = vault.createAccount({ name: 'Other', baseUrl: 'https://other.example' });
    vault.importKey({ accountId: a.id, kid: vector.kid, secret: vector.secret });
    expect(() => vault.importKey({ accountId: a.id, kid: vector.kid, secret: 'f'.repeat(32) })).toThrow(
      expect.objectContaining({ code: 'vault.duplicate_kid', message: `This account already has a key with the id ${vector.kid}.` }),
    );
    expect(vault.importKey({ accountId: b.id, kid: vector.kid, secret: vector.secret }).key.accountId).toBe(b.id);
    expect(vault.listKeys(a.id)).toHaveLength(1);
  });

  it('warns about unusual key shapes and refuses unusable ones without echoing the secret', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(SANDBOX);
    expect(vault.importKey({ accountId: account.id, kid: 'LEGACY', secret: 'legacy-secret' }).warnings).toHaveLength(2);
    const secret = 'has a space inside';
    try {
      vault.importKey({ accountId: account.id, kid: 'k2', secret });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'input.invalid' });
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('stores a created key with its remote state, edits label and scopes, tracks remote state, deletes', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(SANDBOX);
    const { key } = vault.storeCreatedKey({ accountId: account.id, kid: vector.kid, secret: vector.secret, scopes: ['read'] });
    expect(key).toMatchObject({ origin: 'created', remoteState: 'active', scopes: ['read'] });
    expect(vault.editKey(key.id, { label: 'renamed' })).toMatchObject({ label: 'renamed', scopes: ['read'] });
    expect(vault.editKey(key.id, { scopes: [] }).scopes).toEqual([]);
    expect(vault.markRemoteState(key.id, 'deleted_remotely').remoteState).toBe('deleted_remotely');
    expect(() => vault.markRemoteState(key.id, 'gone' as never)).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    vault.deleteKey(key.id);
    expect(vault.listKeys(account.id)).toEqual([]);
    expect(() => signForItsAccount(vault, key.id, vector.nonce)).toThrow(expect.objectContaining({ code: 'vault.not_found' }));
  });

  it('reveals a secret only when asked, and audits reveals, uses and deletions without credentials', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(SANDBOX);
    const { key } = vault.importKey({ accountId: account.id, kid: vector.kid, secret: vector.secret });
    expect(vault.revealSecret(key.id)).toBe(vector.secret);
    const headers = signForItsAccount(vault, key.id, String(Date.now()));
    vault.recordUse(key.id, { action: 'send', method: 'GET', path: '/api/v2/peatio/account/balances', status: 200, outcome: 'ok' });
    expect(vault.key(key.id).lastUsedAt).not.toBeNull();
    vault.deleteKey(key.id);
    const log = vault.auditLog();
    expect(log.map((entry) => entry.action)).toEqual(['delete-key', 'send', 'reveal-secret', 'import-key']);
    expect(log[1]).toMatchObject({ kid: vector.kid, method: 'GET', path: '/api/v2/peatio/account/balances', status: 200, outcome: 'ok' });
    const text = JSON.stringify(log);
    expect(text).not.toContain(vector.secret);
    expect(text).not.toContain(headers['X-Auth-Signature']);
  });

  it('refuses a malformed nonce and signs only while unlocked', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(SANDBOX);
    const { key } = vault.importKey({ accountId: account.id, kid: vector.kid, secret: vector.secret });
    expect(() => signForItsAccount(vault, key.id, '1.5')).toThrow(expect.objectContaining({ code: 'input.nonce_invalid' }));
    vault.access.lock();
    expect(() => signForItsAccount(vault, key.id, vector.nonce)).toThrow(expect.objectContaining({ code: 'vault.locked' }));
    expect(() => vault.revealSecret(key.id)).toThrow(expect.objectContaining({ code: 'vault.locked' }));
    expect(() => vault.importKey({ accountId: account.id, kid: 'k', secret: 's' })).toThrow(expect.objectContaining({ code: 'vault.locked' }));
    // What is not secret stays readable while locked: the UI lists accounts and keys on the lock screen's way out.
    expect(vault.listKeys(account.id)).toHaveLength(1);
    await vault.access.unlock(PASSPHRASE);
    const nonce = String(Date.now());
    expect(signForItsAccount(vault, key.id, nonce)['X-Auth-Signature']).toBe(
      createHmac('sha256', vector.secret)
        .update(nonce + vector.kid)
        .digest('hex'),
    );
  });
});

describe('secrets kept for signing while unlocked', () => {
  it('signs nothing once locked or once the key or its account is deleted, even after a signature', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(SANDBOX);
    const other = vault.createAccount({ name: 'Other', baseUrl: 'https://other.example' });
    const { key } = vault.importKey({ accountId: account.id, kid: vector.kid, secret: vector.secret });
    const { key: otherKey } = vault.importKey({ accountId: other.id, kid: vector.kid, secret: vector.secret });
    expect(signForItsAccount(vault, key.id, vector.nonce)['X-Auth-Signature']).toBe(vector.signature);
    vault.access.lock();
    expect(() => signForItsAccount(vault, key.id, vector.nonce)).toThrow(expect.objectContaining({ code: 'vault.locked' }));
    await vault.access.unlock(PASSPHRASE);
    expect(signForItsAccount(vault, key.id, vector.nonce)['X-Auth-Signature']).toBe(vector.signature);
    vault.deleteKey(key.id);
    expect(() => signForItsAccount(vault, key.id, vector.nonce)).toThrow(expect.objectContaining({ code: 'vault.not_found' }));
    expect(signForItsAccount(vault, otherKey.id, vector.nonce)['X-Auth-Signature']).toBe(vector.signature);
    vault.deleteAccount(other.id);
    expect(() => signForItsAccount(vault, otherKey.id, vector.nonce)).toThrow(expect.objectContaining({ code: 'vault.not_found' }));
  });
});

describe('vault account list', () => {
  it("names each account's keys by kid and label, in the order of its key list, and nothing secret", async () => {
    const { vault } = await unlockedTempVault();
    const sandbox = vault.createAccount(SANDBOX);
    const empty = vault.createAccount({ name: 'Empty', baseUrl: 'https://empty.example' });
    vault.importKey({ accountId: sandbox.id, kid: '7f5a26819f2dd8be', secret: vector.secret, label: 'reporting' });
    vault.importKey({ accountId: sandbox.id, kid: '61d025b8573501c2', secret: vector.secret, label: 'Market maker' });
    const listed = vault.listAccounts();
    expect(listed.map((account) => [account.id, account.keys])).toEqual([
      [sandbox.id, vault.listKeys(sandbox.id).map(({ kid, label }) => ({ kid, label }))],
      [empty.id, []],
    ]);
    expect(listed[0]?.keys.map((key) => key.kid).sort()).toEqual(['61d025b8573501c2', '7f5a26819f2dd8be']);
    expect(JSON.stringify(listed)).not.toContain(vector.secret);
  });
});

describe('vault settings', () => {
  it('starts from defaults, keeps changes, and refuses bad values', async () => {
    const { vault } = await unlockedTempVault();
    expect(vault.getSettings()).toEqual({ autoLockMinutes: 10, clipboardClearSeconds: 20, defaultCommandFormat: 'curl', theme: 'system' });
    expect(vault.updateSettings({ clipboardClearSeconds: 45, theme: 'dark' })).toMatchObject({ clipboardClearSeconds: 45, theme: 'dark', autoLockMinutes: 10 });
    expect(() => vault.updateSettings({ autoLockMinutes: -1 })).toThrow(
      expect.objectContaining({ code: 'input.invalid', message: expect.stringContaining('Choose 0 to 1440 minutes') }),
    );
    expect(vault.getSettings().autoLockMinutes).toBe(10);
  });

  it('changes only the settings given, leaving the others as they were set', async () => {
    const { vault } = await unlockedTempVault();
    vault.updateSettings({ autoLockMinutes: 3, theme: 'dark' });
    expect(vault.updateSettings({ clipboardClearSeconds: 45 })).toEqual({
      autoLockMinutes: 3,
      clipboardClearSeconds: 45,
      defaultCommandFormat: 'curl',
      theme: 'dark',
    });
  });
});
