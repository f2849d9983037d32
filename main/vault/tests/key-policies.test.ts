import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, policyForLevel, POLICY_LIMITS } from '../../../app/domain/agent-policy';
import type { KeyPolicy } from '../../../app/domain/agent-policy';
import type { Vault } from '../vault';
import { ManualClock } from './manual-clock';
import { withRawDatabase } from './raw-database';
import { accountInput, newKid, newSecret, PASSPHRASE, signForItsAccount, vaultErrorFrom, VaultFixture } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const NONCE = '1700000000000';
const WITHDRAWS = '/api/v2/peatio/account/withdraws';

/** Alpha holds keys "one" and "two", Beta holds "three"; Beta comes first in the trader's order. */
async function vaultWithKeys() {
  const path = fixture.newPath();
  const clock = new ManualClock();
  const vault = fixture.open({ path, now: clock.now });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
  const alpha = vault.createAccount(accountInput('Alpha'));
  const beta = vault.createAccount({ ...accountInput('Beta'), nonceLifetimeMs: 9000 });
  vault.reorderAccounts([beta.id, alpha.id]);
  // A key list is in the order keys were stored: a millisecond apart each.
  const store = (accountId: string, label: string) => {
    clock.advance(1);
    return vault.importKey({ accountId, kid: newKid(), secret: newSecret(), label }).key;
  };
  const keys = { one: store(alpha.id, 'one'), two: store(alpha.id, 'two'), three: store(beta.id, 'three') };
  return { path, vault, alpha, beta, keys };
}

async function reopened(path: string): Promise<Vault> {
  const vault = fixture.open({ path });
  await vault.access.unlock(PASSPHRASE);
  return vault;
}

describe("a key's policy", () => {
  it('is the default, closed to local programs, until the owner sets one', async () => {
    const { vault, alpha, keys } = await vaultWithKeys();
    expect(vault.keyPolicy(keys.one.id)).toEqual(DEFAULT_POLICY);
    expect(vault.key(keys.one.id).policy).toEqual(DEFAULT_POLICY);
    expect(vault.listKeys(alpha.id).map((key) => key.policy)).toEqual([DEFAULT_POLICY, DEFAULT_POLICY]);
    expect(DEFAULT_POLICY.agentUse).toBe(false);
  });

  it('is kept once set, MACed with its row, through a reopen, an edit, a passphrase change and a new origin', async () => {
    const { path, vault, alpha, keys } = await vaultWithKeys();
    const trade = policyForLevel('trade', { requests: 10, windowSeconds: 60 });
    expect(vault.setKeyPolicy(keys.one.id, trade).policy).toEqual(trade);
    vault.close();

    const again = await reopened(path);
    expect(again.keyPolicy(keys.one.id)).toEqual(trade);
    again.editKey(keys.one.id, { label: 'renamed' });
    await again.access.setPassphrase(PASSPHRASE, `${PASSPHRASE} again`);
    again.updateAccount(alpha.id, { name: 'Alpha', baseUrl: 'https://alpha-moved.example' });
    expect(again.keyPolicy(keys.one.id)).toEqual(trade);
    expect(again.keyPolicy(keys.two.id)).toEqual(DEFAULT_POLICY);
    expect(() => signForItsAccount(again, keys.one.id, NONCE)).not.toThrow();
  });

  it('is audited at each change with its level, naming any withdrawal path it allows', async () => {
    const { vault, alpha, keys } = await vaultWithKeys();
    vault.setKeyPolicy(keys.one.id, policyForLevel('read'));
    vault.setKeyPolicy(keys.one.id, { ...policyForLevel('all'), withdrawalPaths: [WITHDRAWS] });
    vault.setKeyPolicy(keys.one.id, { ...policyForLevel('trade'), agentUse: false });
    const changes = vault.auditLog().filter((entry) => entry.action === 'set-key-policy');
    expect(changes.map((entry) => entry.outcome)).toEqual([
      'agent use off, level trade',
      `agent use on, level all, withdrawals at ${WITHDRAWS}`,
      'agent use on, level read',
    ]);
    expect(changes[0]).toMatchObject({ accountId: alpha.id, keyId: keys.one.id, kid: keys.one.kid });
  });

  it.each<[string, unknown, string]>([
    ['a path with a ".." segment', { ...DEFAULT_POLICY, rules: [{ methods: ['GET'], pathPrefix: '/api/v2/peatio/market/../account' }] }, '"." or ".."'],
    ['an encoded slash', { ...DEFAULT_POLICY, withdrawalPaths: ['/api/v2/peatio%2faccount/withdraws'] }, 'percent-encode'],
    ['a relative path', { ...DEFAULT_POLICY, rules: [{ methods: ['GET'], pathPrefix: 'api/v2' }] }, 'must start with "/"'],
    ['a rule with no method', { ...DEFAULT_POLICY, rules: [{ methods: [], pathPrefix: '/' }] }, 'rules.0.methods'],
    ['an unknown method', { ...DEFAULT_POLICY, rules: [{ methods: ['TRACE'], pathPrefix: '/' }] }, 'rules.0.methods.0'],
    ['too many rules', { ...DEFAULT_POLICY, rules: Array.from({ length: POLICY_LIMITS.rules + 1 }, () => ({ methods: ['GET'], pathPrefix: '/' })) }, 'rules'],
    ['a path too long', { ...DEFAULT_POLICY, withdrawalPaths: [`/${'a'.repeat(POLICY_LIMITS.pathLength)}`] }, 'withdrawalPaths.0'],
    ['an empty budget', { ...DEFAULT_POLICY, budget: { requests: 0, windowSeconds: 60 } }, 'budget.requests'],
    ['a window beyond a day', { ...DEFAULT_POLICY, budget: { requests: 1, windowSeconds: POLICY_LIMITS.maxWindowSeconds + 1 } }, 'budget.windowSeconds'],
    ['a field the shape does not name', { ...DEFAULT_POLICY, approvedClients: ['grid-bot'] }, 'approvedClients'],
  ])('refuses %s, changing nothing', async (_what, policy, message) => {
    const { vault, keys } = await vaultWithKeys();
    expect(() => vault.setKeyPolicy(keys.one.id, policy as KeyPolicy)).toThrow(
      expect.objectContaining({ code: 'input.invalid', message: expect.stringContaining(message) }),
    );
    expect(vault.keyPolicy(keys.one.id)).toEqual(DEFAULT_POLICY);
    expect(vault.auditLog().some((entry) => entry.action === 'set-key-policy')).toBe(false);
  });

  it('is read and set only while unlocked, for a key that exists', async () => {
    const { vault, keys } = await vaultWithKeys();
    expect(vaultErrorFrom(() => vault.setKeyPolicy(crypto.randomUUID(), policyForLevel('read'))).code).toBe('vault.not_found');
    vault.access.lock();
    expect(vaultErrorFrom(() => vault.keyPolicy(keys.one.id)).code).toBe('vault.locked');
    expect(vaultErrorFrom(() => vault.setKeyPolicy(keys.one.id, policyForLevel('read'))).code).toBe('vault.locked');
    expect(vaultErrorFrom(() => vault.agentKeys()).code).toBe('vault.locked');
  });
});

describe('the keys the signing agent sees', () => {
  it("lists every key with its account's name, base URL and nonce lifetime and its policy, in the trader's order", async () => {
    const { vault, alpha, beta, keys } = await vaultWithKeys();
    vault.setKeyPolicy(keys.two.id, policyForLevel('trade'));
    const account = (of: typeof alpha) => ({
      id: of.id,
      name: of.name,
      baseUrl: of.baseUrl,
      origin: new URL(of.baseUrl).origin,
      nonceLifetimeMs: of.nonceLifetimeMs,
    });
    expect(vault.agentKeys()).toEqual([
      { keyId: keys.three.id, label: 'three', kid: keys.three.kid, account: account(beta), policy: DEFAULT_POLICY },
      { keyId: keys.one.id, label: 'one', kid: keys.one.kid, account: account(alpha), policy: DEFAULT_POLICY },
      { keyId: keys.two.id, label: 'two', kid: keys.two.kid, account: account(alpha), policy: policyForLevel('trade') },
    ]);
    expect(vault.agentKeys()[0]?.account.nonceLifetimeMs).toBe(9000);
  });

  it('keeps the key list until the file changes: here (but for its own audit rows), or from outside, which the MACs catch', async () => {
    const { vault, keys, path } = await vaultWithKeys();
    const first = vault.agentKeys();
    expect(vault.agentKeys()).toBe(first);
    // The agent commits its audit rows while it signs: reading every key again each time would stall it.
    vault.recordAgentUses([
      { keyId: keys.one.id, client: 'grid-bot', method: 'GET', path: '/api/v2/peatio/account/balances', outcome: 'signed', at: Date.now() },
    ]);
    vault.recordAgentRefusal({ reason: "the agent's token is wrong" });
    expect(vault.agentKeys()).toBe(first);
    // Another process's commit is read again, whatever it changed.
    withRawDatabase(path, (db) => db.prepare("INSERT INTO audit_log (at, action) VALUES (1, 'agent-use')").run());
    const afterOutside = vault.agentKeys();
    expect(afterOutside).not.toBe(first);
    expect(afterOutside).toEqual(first);
    vault.setKeyPolicy(keys.one.id, policyForLevel('read'));
    expect(vault.agentKeys()).not.toBe(afterOutside);
    expect(vault.agentKeys().find((key) => key.keyId === keys.one.id)?.policy).toEqual(policyForLevel('read'));
    withRawDatabase(path, (db) => db.prepare('UPDATE api_keys SET label = ? WHERE id = ?').run('renamed outside', keys.one.id));
    expect(() => vault.agentKeys()).toThrow(expect.objectContaining({ code: 'vault.tampered' }));
  });

  it('records what the agent did for a program, and programs it refused, in the audit log', async () => {
    const { vault, alpha, keys } = await vaultWithKeys();
    // The row keeps the moment the agent answered, not the moment its batch was written.
    const answeredAt = Date.now() - 40;
    vault.recordAgentUses([
      { keyId: keys.one.id, client: 'grid-bot', method: 'GET', path: '/api/v2/peatio/account/balances', outcome: 'signed', at: answeredAt },
    ]);
    vault.recordAgentRefusal({ client: 'cron: balances', reason: 'no key has the label or kid "gone"' });
    vault.recordAgentRefusal({ reason: "the agent's token is wrong" });
    expect(vault.auditLog(3)).toEqual([
      expect.objectContaining({ action: 'agent-refused', keyId: null, method: null, path: null, outcome: `an unnamed program: the agent's token is wrong` }),
      expect.objectContaining({ action: 'agent-refused', keyId: null, outcome: 'client "cron: balances": no key has the label or kid "gone"' }),
      expect.objectContaining({
        action: 'agent-use',
        accountId: alpha.id,
        keyId: keys.one.id,
        kid: keys.one.kid,
        method: 'GET',
        path: '/api/v2/peatio/account/balances',
        status: null,
        outcome: 'client "grid-bot": signed',
        at: answeredAt,
      }),
    ]);
  });

  it("writes a batch of the agent's uses one row each, in the order they came, and keeps its key list", async () => {
    const { vault, alpha, keys } = await vaultWithKeys();
    const listed = vault.agentKeys();
    // More than the rows one statement appends, and the same few uses over and over, as a busy agent's batch is.
    const uses = Array.from({ length: 123 }, (_, i) => ({
      keyId: i === 77 ? keys.two.id : keys.one.id,
      client: i % 2 === 0 ? 'grid-bot' : 'cron: balances',
      method: 'GET',
      path: `/api/v2/peatio/public/markets/m${i % 3}/tickers`,
      outcome: i === 100 ? 'refused: the budget is spent' : 'signed',
      // Identical uses a moment apart: each row keeps its own moment.
      at: 1_800_000_000_000 + i,
    }));
    vault.recordAgentUses(uses);
    const rows = vault
      .auditLog(200)
      .filter((row) => row.action === 'agent-use')
      .reverse();
    expect(rows.map(({ accountId, keyId, kid, path, outcome, at }) => ({ accountId, keyId, kid, path, outcome, at }))).toEqual(
      uses.map((use) => ({
        at: use.at,
        accountId: alpha.id,
        keyId: use.keyId,
        kid: use.keyId === keys.two.id ? keys.two.kid : keys.one.kid,
        path: use.path,
        outcome: `client "${use.client}": ${use.outcome}`,
      })),
    );
    expect(rows.every((row, i) => i === 0 || row.id > (rows[i - 1]?.id ?? Infinity))).toBe(true);
    expect(vault.agentKeys()).toBe(listed);
  });

  it('refuses audit rows it cannot read as one: a client name over two lines, an unknown method, a time that is no moment', async () => {
    const { vault, keys } = await vaultWithKeys();
    const use = { keyId: keys.one.id, client: 'grid-bot', method: 'GET', path: '/', outcome: 'signed', at: Date.now() };
    expect(() => vault.recordAgentUses([use, { ...use, client: 'grid-bot\nsigned everything' }])).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => vault.recordAgentUses([{ ...use, method: 'TRACE' }])).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    // The same use twice, the second with a broken time: each use's time is checked, not only each distinct use.
    expect(() => vault.recordAgentUses([use, { ...use, at: Number.NaN }])).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => vault.recordAgentUses([{ ...use, at: -1 }])).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(vault.auditLog().some((entry) => entry.action === 'agent-use')).toBe(false);
  });
});
