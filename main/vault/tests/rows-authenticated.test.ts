import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { originOf } from '../../../app/barong/origin';
import { DEFAULT_POLICY, policyForLevel } from '../../../app/domain/agent-policy';
import type { Vault } from '../vault';
import { withRawDatabase } from './raw-database';
import { accountInput, newKid, newSecret, newTotpSeed, PASSPHRASE, signForItsAccount, vaultErrorFrom, VaultFixture } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const NONCE = '1700000000000';
const ALPHA = 'https://alpha.example';
const BETA = 'https://beta.example';

/** Two accounts; Alpha holds keys "one" and "two", Beta holds "three". Closed: the attacker edits the file, the trader reopens it. */
async function closedVault() {
  const path = fixture.newPath();
  const vault = fixture.open({ path });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
  const alpha = vault.createAccount(accountInput('Alpha'));
  const beta = vault.createAccount(accountInput('Beta'));
  vault.setTotpSeed(alpha.id, newTotpSeed());
  const store = (accountId: string, label: string) => {
    const input = { accountId, kid: newKid(), secret: newSecret(), label };
    return { id: vault.importKey(input).key.id, ...input };
  };
  const keys = { one: store(alpha.id, 'one'), two: store(alpha.id, 'two'), three: store(beta.id, 'three') };
  vault.close();
  return { path, alpha, beta, keys };
}

async function reopened(path: string): Promise<Vault> {
  const vault = fixture.open({ path });
  await vault.access.unlock(PASSPHRASE);
  return vault;
}

const raw = (path: string, sql: string, ...params: unknown[]) => withRawDatabase(path, (db) => db.prepare(sql).run(...params));

/** Every way to use the key is refused as tampered, in words naming the row, and signing for its origin is refused too. */
function expectRefused(vault: Vault, keyId: string, origin: string, named: string): void {
  for (const use of [() => vault.sign(keyId, NONCE, origin), () => vault.revealSecret(keyId), () => vault.key(keyId)]) {
    const error = vaultErrorFrom(use);
    expect(error.code).toBe('vault.tampered');
    expect(error.message).toContain('The vault file was changed outside the app');
    expect(error.message).toContain(named);
  }
}

describe('an attacker who edits the vault file', () => {
  it('cannot swap kid and secret between two key rows', async () => {
    const { path, keys } = await closedVault();
    withRawDatabase(path, (db) => {
      const read = db.prepare('SELECT kid, secret FROM api_keys WHERE id = ?');
      const write = db.prepare('UPDATE api_keys SET kid = @kid, secret = @secret WHERE id = @id');
      const [one, two] = [read.get(keys.one.id), read.get(keys.two.id)] as Array<{ kid: string; secret: Buffer }>;
      write.run({ id: keys.two.id, kid: 'moving', secret: Buffer.of(0) });
      write.run({ id: keys.one.id, ...two });
      write.run({ id: keys.two.id, ...one });
    });
    const vault = await reopened(path);
    // Each row now carries the other's kid: named by the label the trader sees.
    expectRefused(vault, keys.one.id, ALPHA, 'key "one" of account "Alpha"');
    expectRefused(vault, keys.two.id, ALPHA, 'key "two" of account "Alpha"');
    expect(signForItsAccount(vault, keys.three.id, NONCE)['X-Auth-Signature']).toBe(
      createHmac('sha256', keys.three.secret)
        .update(NONCE + keys.three.kid)
        .digest('hex'),
    );
  });

  it('cannot move a key to another account', async () => {
    const { path, beta, keys } = await closedVault();
    raw(path, 'UPDATE api_keys SET account_id = ? WHERE id = ?', beta.id, keys.one.id);
    const vault = await reopened(path);
    expectRefused(vault, keys.one.id, BETA, 'key "one" of account "Beta"');
    expect(vaultErrorFrom(() => vault.listKeys(beta.id)).code).toBe('vault.tampered');
  });

  it("cannot rewrite an account's base URL: the account and its keys are refused, for either origin", async () => {
    const { path, alpha, keys } = await closedVault();
    raw(path, 'UPDATE accounts SET base_url = ? WHERE id = ?', 'https://attacker.example', alpha.id);
    const vault = await reopened(path);
    for (const origin of [ALPHA, 'https://attacker.example']) expectRefused(vault, keys.one.id, origin, 'account "Alpha"');
    for (const use of [() => vault.account(alpha.id), () => vault.totpSeed(alpha.id), () => vault.listKeys(alpha.id)]) {
      expect(vaultErrorFrom(use).message).toBe('The vault file was changed outside the app: account "Alpha" does not match its seal.');
    }
  });

  it("cannot change a key's remote state, label or scopes, nor clear its MAC", async () => {
    const { path, keys } = await closedVault();
    for (const [sql, value] of [
      ['UPDATE api_keys SET remote_state = ? WHERE id = ?', 'active'],
      ['UPDATE api_keys SET scopes = ? WHERE id = ?', '["withdraw"]'],
      ['UPDATE api_keys SET mac = ? WHERE id = ?', null],
    ] as const) {
      const before = withRawDatabase(path, (db) => db.prepare('SELECT * FROM api_keys WHERE id = ?').get(keys.two.id) as Record<string, unknown>);
      raw(path, sql, value, keys.two.id);
      const vault = await reopened(path);
      expectRefused(vault, keys.two.id, ALPHA, 'key "two" of account "Alpha"');
      vault.close();
      withRawDatabase(path, (db) => db.prepare('UPDATE api_keys SET remote_state = @remote_state, scopes = @scopes, mac = @mac WHERE id = @id').run(before));
    }
    const vault = await reopened(path);
    expect(() => signForItsAccount(vault, keys.two.id, NONCE)).not.toThrow();
  });

  it('cannot open a key to local programs, nor reset or copy a policy the owner set', async () => {
    const { path, keys } = await closedVault();
    let vault = await reopened(path);
    vault.setKeyPolicy(keys.two.id, policyForLevel('read'));
    vault.close();
    const policyOf = (id: string) => withRawDatabase(path, (db) => db.prepare('SELECT policy FROM api_keys WHERE id = ?').pluck().get(id) as string | null);
    const read = policyOf(keys.two.id);
    const opened = JSON.stringify({ ...policyForLevel('all'), withdrawalPaths: ['/api/v2/peatio/account/withdraws'] });
    for (const [id, policy] of [
      [keys.one.id, opened],
      [keys.two.id, opened],
      [keys.two.id, null],
      [keys.one.id, read],
    ] as const) {
      const before = policyOf(id);
      raw(path, 'UPDATE api_keys SET policy = ? WHERE id = ?', policy, id);
      vault = await reopened(path);
      expectRefused(vault, id, ALPHA, `key "${id === keys.one.id ? 'one' : 'two'}" of account "Alpha"`);
      for (const use of [() => vault.keyPolicy(id), () => vault.agentKeys()]) expect(vaultErrorFrom(use).code).toBe('vault.tampered');
      vault.close();
      raw(path, 'UPDATE api_keys SET policy = ? WHERE id = ?', before, id);
    }
    vault = await reopened(path);
    expect(Object.fromEntries(vault.agentKeys().map((key) => [key.keyId, key.policy]))).toEqual({
      [keys.one.id]: DEFAULT_POLICY,
      [keys.two.id]: policyForLevel('read'),
      [keys.three.id]: DEFAULT_POLICY,
    });
  });

  it('leaves a tampered key deletable, and the rest of the vault usable', async () => {
    const { path, alpha, keys } = await closedVault();
    raw(path, 'UPDATE api_keys SET label = ? WHERE id = ?', 'renamed', keys.one.id);
    const vault = await reopened(path);
    expect(vaultErrorFrom(() => vault.listKeys(alpha.id)).message).toContain('key "renamed" of account "Alpha"');
    vault.deleteKey(keys.one.id);
    expect(vault.listKeys(alpha.id).map((key) => key.label)).toEqual(['two']);
  });
});

describe('the app changing what the MACs cover', () => {
  it('re-MACs a key on label, scopes and remote state changes', async () => {
    const { path, keys } = await closedVault();
    let vault = await reopened(path);
    vault.editKey(keys.one.id, { label: 'renamed', scopes: ['read'] });
    vault.markRemoteState(keys.one.id, 'disabled');
    vault.close();
    vault = await reopened(path);
    expect(vault.key(keys.one.id)).toMatchObject({ label: 'renamed', scopes: ['read'], remoteState: 'disabled' });
    expect(() => signForItsAccount(vault, keys.one.id, NONCE)).not.toThrow();
  });
});

describe('signing for an origin', () => {
  it('signs only for the origin of the key account, naming the key and both hosts otherwise', async () => {
    const { path, keys } = await closedVault();
    const vault = await reopened(path);
    expect(vault.sign(keys.one.id, NONCE, ALPHA)['X-Auth-Signature']).toBe(
      createHmac('sha256', keys.one.secret)
        .update(NONCE + keys.one.kid)
        .digest('hex'),
    );
    // Path and default port are not part of the origin; scheme, host and another port are.
    expect(() => vault.sign(keys.one.id, NONCE, `${ALPHA}:443/api/v2`)).not.toThrow();
    for (const other of [BETA, 'http://alpha.example', 'https://alpha.example:8443', 'https://alpha.example.attacker.example', 'not a url']) {
      const error = vaultErrorFrom(() => vault.sign(keys.one.id, NONCE, other));
      expect(error.code).toBe('vault.origin_mismatch');
      expect(error.message).toContain('key "one" of account "Alpha"');
      expect(error.message).toContain('alpha.example');
      expect(error.message).not.toContain(keys.one.secret);
    }
    expect(vaultErrorFrom(() => vault.sign(keys.one.id, NONCE, BETA)).message).toBe(
      'The key "one" of account "Alpha" signs for alpha.example only, not for beta.example.',
    );
  });
});

describe("changing an account's origin", () => {
  it('re-seals its secrets and 2FA seed for the new origin in one step, audited with both hosts and no secret', async () => {
    const { path, alpha, keys } = await closedVault();
    let vault = await reopened(path);
    const seed = vault.totpSeed(alpha.id);
    const sealedBefore = withRawDatabase(path, (db) => db.prepare('SELECT secret FROM api_keys WHERE account_id = ? ORDER BY id').pluck().all(alpha.id));
    signForItsAccount(vault, keys.one.id, NONCE);

    vault.updateAccount(alpha.id, { name: 'Alpha', baseUrl: 'https://api.alpha.example:8443' });

    const newOrigin = 'https://api.alpha.example:8443';
    expect(vaultErrorFrom(() => vault.sign(keys.one.id, NONCE, ALPHA)).code).toBe('vault.origin_mismatch');
    expect(vault.sign(keys.one.id, NONCE, newOrigin)['X-Auth-Signature']).toBe(
      createHmac('sha256', keys.one.secret)
        .update(NONCE + keys.one.kid)
        .digest('hex'),
    );
    const sealedAfter = withRawDatabase(path, (db) => db.prepare('SELECT secret FROM api_keys WHERE account_id = ? ORDER BY id').pluck().all(alpha.id));
    sealedAfter.forEach((sealed, index) => expect(sealed).not.toEqual(sealedBefore[index]));
    const [audited] = vault.auditLog(1);
    expect(audited).toMatchObject({ action: 'change-origin', accountId: alpha.id, outcome: 'from alpha.example to api.alpha.example:8443' });
    expect(JSON.stringify(audited)).not.toContain(keys.one.secret);

    vault.updateAccount(alpha.id, { name: 'Alpha main', baseUrl: `${newOrigin}/` });
    expect(vault.auditLog(1)[0]).toMatchObject({ action: 'update-account', accountId: alpha.id });
    vault.close();

    vault = await reopened(path);
    expect(vault.totpSeed(alpha.id)).toBe(seed);
    expect(originOf(vault.account(alpha.id).baseUrl)).toBe(newOrigin);
    for (const key of [keys.one, keys.two]) expect(vault.revealSecret(key.id)).toBe(key.secret);
  });

  it('changes nothing when one of the rows it re-seals was tampered with', async () => {
    const { path, alpha, keys } = await closedVault();
    raw(path, 'UPDATE api_keys SET label = ? WHERE id = ?', 'renamed', keys.two.id);
    const vault = await reopened(path);
    const before = withRawDatabase(path, (db) => db.prepare('SELECT * FROM accounts ORDER BY id').all());
    expect(vaultErrorFrom(() => vault.updateAccount(alpha.id, { name: 'Alpha', baseUrl: 'https://elsewhere.example' })).code).toBe('vault.tampered');
    expect(withRawDatabase(path, (db) => db.prepare('SELECT * FROM accounts ORDER BY id').all())).toEqual(before);
  });
});
