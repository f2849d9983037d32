import { describe, expect, it } from 'vitest';
import { newKid, newSecret, newTotpSeed } from '../vault/tests/vault-fixture';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

// Every answer below also passed the channel's strict response schema (the fixture checks).
describe('the vault channels', () => {
  it('manage accounts, keys, settings, the audit log and the unlock methods', async () => {
    const { value, errorCode, ownerPrompt } = testBackend();
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const first = await value('accounts.create', { name: 'First', baseUrl: 'https://first.example', loginEmail: 'me@first.example' });
    const second = await value('accounts.create', { name: 'Second', baseUrl: 'https://second.example/' });
    expect(second.baseUrl).toBe('https://second.example');
    expect(
      await value('accounts.update', { accountId: first.id, fields: { name: 'First!', baseUrl: 'https://first.example', nonceLifetimeMs: 10_000 } }),
    ).toMatchObject({ name: 'First!', nonceLifetimeMs: 10_000 });
    await value('accounts.reorder', { accountIds: [second.id, first.id] });
    expect((await value('accounts.list')).map((account) => [account.name, account.keys])).toEqual([
      ['Second', []],
      ['First!', []],
    ]);
    expect(await value('accounts.setTotpSeed', { accountId: first.id, seed: newTotpSeed(), ownerPassphrase: PASSPHRASE })).toMatchObject({ hasTotpSeed: true });
    expect(await value('accounts.setTotpSeed', { accountId: first.id, seed: null })).toMatchObject({ hasTotpSeed: false });
    expect(await errorCode('accounts.create', { name: 'Bad', baseUrl: 'http://exchange.example' })).toBe('input.invalid');

    const kid = newKid();
    const secret = newSecret();
    const { key } = await value('keys.import', { accountId: first.id, kid, secret, label: 'bot', scopes: ['trade'] });
    expect(await errorCode('keys.import', { accountId: first.id, kid, secret })).toBe('vault.duplicate_kid');
    expect(await value('keys.edit', { keyId: key.id, label: 'trading bot' })).toMatchObject({ label: 'trading bot', scopes: ['trade'] });
    expect(await value('keys.list', { accountId: first.id })).toHaveLength(1);
    expect((await value('accounts.list')).map((account) => account.keys)).toEqual([[], [{ kid, label: 'trading bot' }]]);
    expect(await value('keys.reveal', { keyId: key.id, ownerPassphrase: PASSPHRASE })).toEqual({ secret });
    expect(await value('keys.pendingCreations', {})).toEqual([]);

    expect(await value('settings.get')).toEqual({ autoLockMinutes: 10, clipboardClearSeconds: 20, defaultCommandFormat: 'curl', theme: 'system' });
    expect(await value('settings.update', { theme: 'dark', autoLockMinutes: 5 })).toMatchObject({ theme: 'dark', autoLockMinutes: 5 });
    expect(await errorCode('settings.update', { autoLockMinutes: -1 })).toBe('input.invalid');

    const script = await value('signer.render', { keyId: key.id, format: 'script', request: { method: 'GET', path: '/api/v2/peatio/account/balances' } });
    expect(script).toMatchObject({ format: 'script', expiresAtMs: null });
    expect(script.text).toContain(kid);
    expect(script.text).not.toContain(secret);

    // Keychain-only: main's dialog proves the owner instead of the passphrase.
    expect(await value('vault.addKeychain', { ownerPassphrase: PASSPHRASE })).toMatchObject({ keychain: 'gnome_libsecret', passphrase: true });
    expect(await value('vault.removePassphrase', { ownerPassphrase: PASSPHRASE })).toMatchObject({ passphrase: false });
    expect(await errorCode('keys.reveal', { keyId: key.id })).toBe('owner.denied');
    ownerPrompt.answer = 'allow';
    expect(await value('keys.reveal', { keyId: key.id })).toEqual({ secret });
    expect(await value('vault.setPassphrase', { next: PASSPHRASE })).toMatchObject({ passphrase: true });
    expect(await value('vault.removeKeychain', { ownerPassphrase: PASSPHRASE })).toMatchObject({ keychain: null });

    await value('keys.delete', { keyId: key.id });
    await value('accounts.delete', { accountId: second.id });
    expect(await errorCode('accounts.get', { accountId: second.id })).toBe('vault.not_found');
    expect((await value('audit.list', { limit: 5 })).map((entry) => entry.action)).toEqual([
      'delete-key',
      'owner-check',
      'owner-check',
      'reveal-secret',
      'owner-check',
    ]);
  });

  it('export a backup that another vault imports', async () => {
    const source = testBackend();
    await source.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const account = await source.value('accounts.create', { name: 'Kept', baseUrl: 'https://kept.example' });
    await source.value('keys.import', { accountId: account.id, kid: newKid(), secret: newSecret() });
    const exported = await source.value('backup.export', { passphrase: 'the backup passphrase', ownerPassphrase: PASSPHRASE });
    expect(exported.fileName).toMatch(/^barong-vault-\d{4}-\d{2}-\d{2}\.barongvault$/);

    const target = testBackend();
    await target.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    expect(await target.errorCode('backup.import', { contentBase64: exported.contentBase64, passphrase: 'not the backup passphrase' })).toBe(
      'backup.wrong_passphrase',
    );
    expect(await target.value('backup.import', { contentBase64: exported.contentBase64, passphrase: 'the backup passphrase' })).toMatchObject({
      accountsAdded: 1,
      keysAdded: 1,
    });
    expect((await target.value('accounts.list')).map((imported) => imported.keys.length)).toEqual([1]);
  });
});
