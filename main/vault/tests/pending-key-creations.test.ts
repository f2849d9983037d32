import { describe, expect, it } from 'vitest';
import { withRawDatabase } from './raw-database';
import { accountInput, newKid, newSecret, PASSPHRASE, unlockedTempVault, vaultErrorFrom } from './vault-fixture';

describe('pending key creations (write-ahead for keys the exchange creates)', () => {
  it('records what was asked for, with no secret, and keeps it across a reopen', async () => {
    const { vault, path } = await unlockedTempVault({ now: () => 1_700_000_000_000 });
    const account = vault.createAccount(accountInput('Alpha'));
    const pending = vault.beginKeyCreation({ accountId: account.id, label: 'bot', scopes: ['trade'] });

    expect(pending).toMatchObject({ accountId: account.id, label: 'bot', scopes: ['trade'], startedAt: 1_700_000_000_000 });
    vault.close();
    expect(withRawDatabase(path, (db) => db.prepare('SELECT * FROM pending_key_creations').all())).toEqual([
      { id: pending.id, account_id: account.id, label: 'bot', scopes: '["trade"]', started_at: 1_700_000_000_000 },
    ]);
  });

  it('stores the created key and clears the pending creation together', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(accountInput('Alpha'));
    const other = vault.beginKeyCreation({ accountId: account.id });
    const pending = vault.beginKeyCreation({ accountId: account.id, scopes: ['trade'] });

    const { key } = vault.completeKeyCreation(pending.id, {
      accountId: account.id,
      kid: newKid(),
      secret: newSecret(),
      scopes: ['trade'],
      remoteState: 'active',
    });

    expect(key).toMatchObject({ origin: 'created', remoteState: 'active', scopes: ['trade'] });
    expect(vault.pendingKeyCreations().map((creation) => creation.id)).toEqual([other.id]);
  });

  it('leaves the pending creation in place when the key cannot be stored', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(accountInput('Alpha'));
    const kid = newKid();
    vault.importKey({ accountId: account.id, kid, secret: newSecret() });
    const pending = vault.beginKeyCreation({ accountId: account.id });

    expect(vaultErrorFrom(() => vault.completeKeyCreation(pending.id, { accountId: account.id, kid, secret: newSecret() })).code).toBe('vault.duplicate_kid');
    expect(vault.pendingKeyCreations()).toEqual([pending]);
  });

  it('still stores a key whose pending creation was dismissed meanwhile: its secret exists nowhere else', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(accountInput('Alpha'));
    const pending = vault.beginKeyCreation({ accountId: account.id });
    vault.dismissKeyCreation(pending.id);

    vault.completeKeyCreation(pending.id, { accountId: account.id, kid: newKid(), secret: newSecret() });

    expect(vault.listKeys(account.id)).toHaveLength(1);
  });

  it('lists by account, dismisses one at a time (audited) and goes with its account', async () => {
    const { vault } = await unlockedTempVault();
    const alpha = vault.createAccount(accountInput('Alpha'));
    const beta = vault.createAccount(accountInput('Beta'));
    const first = vault.beginKeyCreation({ accountId: alpha.id });
    const second = vault.beginKeyCreation({ accountId: beta.id });

    expect(vault.pendingKeyCreations(alpha.id)).toEqual([first]);
    vault.dismissKeyCreation(first.id);
    expect(vault.auditLog(1)[0]).toMatchObject({ action: 'dismiss-key-creation', accountId: alpha.id });
    expect(vaultErrorFrom(() => vault.dismissKeyCreation(first.id)).code).toBe('vault.not_found');
    vault.deleteAccount(beta.id);
    expect(vault.pendingKeyCreations()).toEqual([]);
    expect(second.accountId).toBe(beta.id);
  });

  it('refuses to begin while the vault is locked or for an unknown account: the answer could not be stored', async () => {
    const { vault } = await unlockedTempVault();
    const account = vault.createAccount(accountInput('Alpha'));
    expect(vaultErrorFrom(() => vault.beginKeyCreation({ accountId: '00000000-0000-4000-8000-000000000000' })).code).toBe('vault.not_found');
    vault.access.lock();
    expect(vaultErrorFrom(() => vault.beginKeyCreation({ accountId: account.id })).code).toBe('vault.locked');
    await vault.access.unlock(PASSPHRASE);
    expect(vault.pendingKeyCreations()).toEqual([]);
  });
});
