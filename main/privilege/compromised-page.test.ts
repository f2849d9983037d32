import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PEATIO, peatioPaths } from '../../app/barong/paths';
import { DEFAULT_POLICY, policyForLevel } from '../../app/domain/agent-policy';
import { TRADER } from '../barong/tests/barong-exchange';
import { seededKeys, startSeededSandbox, totpSecretOf } from '../barong/tests/exchange-sandbox';
import { PASSPHRASE, testBackend } from '../services/tests/backend-fixture';
import type { TestBackend } from '../services/tests/backend-fixture';

const BALANCES = { method: 'GET', path: peatioPaths.balances } as const;
const BACKUP_PASSPHRASE = 'the attacker chose this one';
const WITHDRAWS = `${PEATIO}/account/withdraws`;

/** A loopback server standing in for the attacker's host: it answers like an exchange and counts every request. */
async function attackerServer() {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url} ${JSON.stringify(request.headers)}`);
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** The audit rows of the owner check, newest first, as the trader reads them. */
async function ownerChecks({ value }: TestBackend) {
  return (await value('audit.list', {})).filter((entry) => entry.action === 'owner-check').map((entry) => entry.outcome);
}

/** A passphrase vault with the sandbox as an account and the trader's seeded trading key in it. */
async function passphraseVaultOnSandbox() {
  const sandbox = await startSeededSandbox();
  const test = testBackend();
  await test.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
  const account = await test.value('accounts.create', { name: 'Sandbox', baseUrl: sandbox.url, loginEmail: TRADER });
  const { trade } = seededKeys(sandbox);
  const { key } = await test.value('keys.import', { accountId: account.id, kid: trade.kid, secret: trade.secret, label: 'bot' });
  return { ...test, sandbox, account, key, secret: trade.secret };
}

// Each test plays the compromised page: it calls the channels as the renderer can, with whatever input it likes.
describe('a compromised page against the real backend', () => {
  it('cannot export the vault without the vault passphrase (row 1)', async () => {
    const test = await passphraseVaultOnSandbox();
    const { call, errorCode } = test;
    expect(await call('backup.export', { passphrase: BACKUP_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'owner.passphrase_required', message: 'Enter the vault passphrase to confirm: export every API secret and 2FA seed into a backup file.' },
    });
    expect(await errorCode('backup.export', { passphrase: BACKUP_PASSPHRASE, ownerPassphrase: 'a guess' })).toBe('vault.wrong_passphrase');
    expect(await ownerChecks(test)).toEqual([
      'refused (vault.wrong_passphrase): Export every API secret and 2FA seed into a backup file (backup.export)',
      'refused (owner.passphrase_required): Export every API secret and 2FA seed into a backup file (backup.export)',
    ]);
    expect((await test.value('audit.list', {})).some((entry) => entry.action === 'export-backup')).toBe(false);
  });

  it('cannot point an account at its own host: nothing signed, no 2FA code and no login reach it (row 2)', async () => {
    const test = await passphraseVaultOnSandbox();
    const { value, errorCode, account, key, sandbox } = test;
    await value('accounts.setTotpSeed', { accountId: account.id, seed: totpSecretOf(sandbox, TRADER), ownerPassphrase: PASSPHRASE });
    const attacker = await attackerServer();

    const redirect = { accountId: account.id, fields: { name: 'Sandbox', baseUrl: attacker.url } };
    expect(await errorCode('accounts.update', redirect)).toBe('owner.passphrase_required');
    expect(await errorCode('accounts.update', { ...redirect, ownerPassphrase: 'a guess' })).toBe('vault.wrong_passphrase');
    expect((await value('accounts.get', { accountId: account.id })).baseUrl).toBe(sandbox.url);

    // What the redirect was for: each still goes to the exchange the key belongs to.
    expect((await value('signer.send', { keyId: key.id, request: BALANCES })).status).toBe(200);
    expect(await value('keys.test', { keyId: key.id })).toMatchObject({ works: true });
    expect(await value('exchange.login', { accountId: account.id, email: TRADER, password: 'Trader-Sandbox-1' })).toMatchObject({ status: 'logged_in' });
    expect(attacker.requests).toEqual([]);

    const host = new URL(attacker.url).host;
    expect(await ownerChecks(test)).toContain(
      `refused (owner.passphrase_required): Send the signed requests and 2FA codes of "Sandbox" to ${host} instead of ${new URL(sandbox.url).host} (accounts.update)`,
    );
    // Other edits of the account are not privileged.
    expect(await value('accounts.update', { accountId: account.id, fields: { name: 'Renamed', baseUrl: sandbox.url } })).toMatchObject({ name: 'Renamed' });
  });

  it('cannot reveal a secret or store a 2FA seed without the passphrase', async () => {
    const test = await passphraseVaultOnSandbox();
    const { errorCode, value, key, account, secret } = test;
    expect(await errorCode('keys.reveal', { keyId: key.id })).toBe('owner.passphrase_required');
    expect(await errorCode('accounts.setTotpSeed', { accountId: account.id, seed: 'JBSWY3DPEHPK3PXP' })).toBe('owner.passphrase_required');
    expect(await value('keys.reveal', { keyId: key.id, ownerPassphrase: PASSPHRASE })).toEqual({ secret });
    // Forgetting a seed takes nothing away from the owner.
    expect(await value('accounts.setTotpSeed', { accountId: account.id, seed: null })).toMatchObject({ hasTotpSeed: false });
  });

  it('cannot lower protection or add a keychain wrap without the passphrase (row 7)', async () => {
    const test = await passphraseVaultOnSandbox();
    const { errorCode, value } = test;
    expect(await errorCode('settings.update', { autoLockMinutes: 0 })).toBe('owner.passphrase_required');
    expect(await errorCode('settings.update', { autoLockMinutes: 600 })).toBe('owner.passphrase_required');
    expect(await errorCode('settings.update', { clipboardClearSeconds: 0 })).toBe('owner.passphrase_required');
    expect(await errorCode('settings.update', { clipboardClearSeconds: 120 })).toBe('owner.passphrase_required');
    expect(await errorCode('vault.addKeychain', {})).toBe('owner.passphrase_required');
    expect(await value('settings.get')).toMatchObject({ autoLockMinutes: 10, clipboardClearSeconds: 20 });
    expect(await value('vault.status')).toMatchObject({ keychain: null });

    // Raising protection, or a change that protects nothing, needs no proof.
    expect(await value('settings.update', { autoLockMinutes: 5, clipboardClearSeconds: 10, theme: 'dark' })).toMatchObject({
      autoLockMinutes: 5,
      clipboardClearSeconds: 10,
    });
    expect(await value('settings.update', { autoLockMinutes: 0, ownerPassphrase: PASSPHRASE })).toMatchObject({ autoLockMinutes: 0 });
    expect(await ownerChecks(test)).toEqual(
      expect.arrayContaining([
        'confirmed: Turn auto-lock off (settings.update)',
        "refused (owner.passphrase_required): Let this computer's keychain unlock the vault (vault.addKeychain)",
      ]),
    );
  });

  it('cannot open a key to local programs, or widen what they may sign, without the passphrase', async () => {
    const test = await passphraseVaultOnSandbox();
    const { errorCode, value, key, account } = test;
    const opening = { keyId: key.id, policy: { ...policyForLevel('all'), withdrawalPaths: [WITHDRAWS] } };
    expect(await errorCode('keys.setPolicy', opening)).toBe('owner.passphrase_required');
    expect(await errorCode('keys.setPolicy', { ...opening, ownerPassphrase: 'a guess' })).toBe('vault.wrong_passphrase');
    // The headless agent's door cannot either, whatever proof it brings: it unlocks, and serves the agent's wire only.
    expect(await test.core.door('terminal')['keys.setPolicy']({ ...opening, ownerPassphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'door.channel_refused' },
    });
    expect((await value('keys.list', { accountId: account.id })).map((stored) => stored.policy)).toEqual([DEFAULT_POLICY]);

    const words = `Let local programs sign with key "bot" (${key.kid}) of "Sandbox": Everything but withdrawals, up to 6000 requests in 300 s, and withdrawals at ${WITHDRAWS}`;
    expect(await ownerChecks(test)).toEqual([
      `refused (vault.wrong_passphrase): ${words} (keys.setPolicy)`,
      `refused (owner.passphrase_required): ${words} (keys.setPolicy)`,
    ]);
    const audit = await value('audit.list', {});
    expect(audit.some((entry) => entry.action === 'set-key-policy')).toBe(false);
    expect(audit.find((entry) => entry.action === 'door-refused')?.outcome).toBe('keys.setPolicy through the terminal door');

    // The owner, with the passphrase, opens it; closing it again is a change like any other.
    expect((await value('keys.setPolicy', { ...opening, ownerPassphrase: PASSPHRASE })).policy).toEqual(opening.policy);
    expect(await errorCode('keys.setPolicy', { keyId: key.id, policy: DEFAULT_POLICY })).toBe('owner.passphrase_required');
    expect((await value('audit.list', {})).find((entry) => entry.action === 'set-key-policy')).toMatchObject({
      keyId: key.id,
      outcome: `agent use on, level all, withdrawals at ${WITHDRAWS}`,
    });
  });

  it('cannot turn the signing agent on or start a proxy without the passphrase: nothing listens, refusals audited', async () => {
    const test = await passphraseVaultOnSandbox();
    const { errorCode, value, key } = test;
    await value('keys.setPolicy', { keyId: key.id, policy: policyForLevel('trade'), ownerPassphrase: PASSPHRASE });

    expect(await errorCode('agent.setEnabled', { enabled: true })).toBe('owner.passphrase_required');
    expect(await errorCode('agent.setEnabled', { enabled: true, ownerPassphrase: 'a guess' })).toBe('vault.wrong_passphrase');
    expect(await errorCode('agent.startProxy', { keyId: key.id })).toBe('owner.passphrase_required');
    // Nor the headless agent's door, whatever proof it brings.
    expect(await test.core.door('terminal')['agent.setEnabled']({ enabled: true, ownerPassphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'door.channel_refused' },
    });
    const status = await value('agent.status');
    expect(status).toMatchObject({ enabled: false, running: false, proxies: [] });
    expect(existsSync(status.socket)).toBe(false);
    expect(existsSync(status.tokenFile)).toBe(false);

    const agentWords = 'Turn on the signing agent, so that programs on this computer given its token can ask for signatures';
    const proxyWords = `Start a signing proxy for key "bot" (${key.kid}) of "Sandbox", so that any program on this computer given its address can send requests signed with it, as its policy allows`;
    expect((await ownerChecks(test)).slice(0, 3)).toEqual([
      `refused (owner.passphrase_required): ${proxyWords} (agent.startProxy)`,
      `refused (vault.wrong_passphrase): ${agentWords} (agent.setEnabled)`,
      `refused (owner.passphrase_required): ${agentWords} (agent.setEnabled)`,
    ]);
    expect((await value('audit.list', {})).some((entry) => entry.action === 'agent-switch')).toBe(false);

    // Closing doors takes nothing from the owner: stopping needs no proof.
    expect(await value('agent.setEnabled', { enabled: false })).toMatchObject({ enabled: false });
    expect(await value('agent.stopProxy', { keyId: key.id })).toMatchObject({ proxies: [] });
  });

  it('is slowed down like an unlock when it guesses the passphrase', async () => {
    const { errorCode, key } = await passphraseVaultOnSandbox();
    const codes = [];
    for (const guess of ['one', 'two', 'three']) codes.push(await errorCode('keys.reveal', { keyId: key.id, ownerPassphrase: guess }));
    expect(codes).toEqual(['vault.wrong_passphrase', 'vault.wrong_passphrase', 'vault.throttled']);
    // Throttled even with the right passphrase until the wait is over.
    expect(await errorCode('keys.reveal', { keyId: key.id, ownerPassphrase: PASSPHRASE })).toBe('vault.throttled');
  });
});

describe('a compromised page against a keychain-only vault (row 3)', () => {
  async function keychainOnlyVault() {
    const test = testBackend();
    await test.value('vault.create', { keychain: true });
    const account = await test.value('accounts.create', { name: 'Main', baseUrl: 'https://main.example' });
    const { key } = await test.value('keys.import', { accountId: account.id, kid: 'a1b2c3d4e5f6a7b8', secret: 'b'.repeat(32), label: 'bot' });
    return { ...test, key };
  }

  it("cannot set its own passphrase, reveal, or remove the keychain: main's dialog asks the owner, who refuses", async () => {
    const test = await keychainOnlyVault();
    const { errorCode, value, ownerPrompt, key } = test;
    expect(await errorCode('vault.setPassphrase', { next: 'the attacker now knows this' })).toBe('owner.denied');
    expect(await errorCode('keys.reveal', { keyId: key.id, ownerPassphrase: 'a passphrase means nothing here' })).toBe('owner.denied');
    // Refusals slow the next ask the way wrong passphrases slow an unlock: no third dialog yet.
    expect(await errorCode('vault.removeKeychain', {})).toBe('vault.throttled');
    expect(ownerPrompt.asked).toEqual(['Set a vault passphrase', 'Show the secret of key "bot" (a1b2c3d4e5f6a7b8) of "Main"']);
    expect(await value('vault.status')).toMatchObject({ passphrase: false, keychain: 'gnome_libsecret' });
    expect(await ownerChecks(test)).toEqual([
      "refused (vault.throttled): Stop this computer's keychain from unlocking the vault (vault.removeKeychain)",
      'refused (owner.denied): Show the secret of key "bot" (a1b2c3d4e5f6a7b8) of "Main" (keys.reveal)',
      'refused (owner.denied): Set a vault passphrase (vault.setPassphrase)',
    ]);
  });

  it("cannot open a key to local programs: main's dialog names the key and what they could sign, and the owner refuses", async () => {
    const test = await keychainOnlyVault();
    const { errorCode, value, ownerPrompt, key } = test;
    const trade = { keyId: key.id, policy: policyForLevel('trade') };
    expect(await errorCode('keys.setPolicy', { ...trade, ownerPassphrase: 'a passphrase means nothing here' })).toBe('owner.denied');
    const words =
      'Let local programs sign with key "bot" (a1b2c3d4e5f6a7b8) of "Main": Trade: read, and create and cancel orders, up to 6000 requests in 300 s';
    expect(ownerPrompt.asked).toEqual([words]);
    expect(await ownerChecks(test)).toEqual([`refused (owner.denied): ${words} (keys.setPolicy)`]);
    expect((await value('keys.list', { accountId: key.accountId })).map((stored) => stored.policy)).toEqual([DEFAULT_POLICY]);

    ownerPrompt.answer = 'allow';
    expect((await value('keys.setPolicy', trade)).policy).toEqual(policyForLevel('trade'));
  });

  it("cannot turn the signing agent on: main's dialog asks the owner, who refuses", async () => {
    const test = await keychainOnlyVault();
    const { errorCode, value, ownerPrompt } = test;
    expect(await errorCode('agent.setEnabled', { enabled: true, ownerPassphrase: 'a passphrase means nothing here' })).toBe('owner.denied');
    expect(ownerPrompt.asked).toEqual(['Turn on the signing agent, so that programs on this computer given its token can ask for signatures']);
    expect(await value('agent.status')).toMatchObject({ enabled: false, running: false });
  });

  it('goes ahead when the owner allows it in the dialog, and asks one dialog at a time', async () => {
    const { value, errorCode, call, ownerPrompt, key } = await keychainOnlyVault();
    ownerPrompt.answer = 'allow';
    expect(await value('keys.reveal', { keyId: key.id })).toEqual({ secret: 'b'.repeat(32) });
    const flood = await Promise.all([call('keys.reveal', { keyId: key.id }), call('keys.reveal', { keyId: key.id }), call('keys.reveal', { keyId: key.id })]);
    expect(flood.map((result) => (result.ok ? 'shown' : result.error.code))).toEqual(['shown', 'owner.busy', 'owner.busy']);
    expect(await value('vault.setPassphrase', { next: PASSPHRASE })).toMatchObject({ passphrase: true });
    // From now on the passphrase is the proof, and the dialog is not asked any more.
    const asked = ownerPrompt.asked.length;
    expect(await errorCode('vault.removeKeychain', {})).toBe('owner.passphrase_required');
    expect(await value('vault.removeKeychain', { ownerPassphrase: PASSPHRASE })).toMatchObject({ keychain: null });
    expect(ownerPrompt.asked).toHaveLength(asked);
  });
});

describe('the terminal door', () => {
  it('opens the vault to the headless agent and nothing else: reveal, export, signing and every change are refused in words and audited', async () => {
    const test = await passphraseVaultOnSandbox();
    const terminal = test.core.door('terminal');
    expect(await terminal['keys.reveal']({ keyId: test.key.id, ownerPassphrase: PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'door.channel_refused', message: 'keys.reveal is not open to this caller.' },
    });
    expect(await terminal['backup.export']({ passphrase: BACKUP_PASSPHRASE, ownerPassphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'door.channel_refused' },
    });
    expect(await terminal['signer.render']({ keyId: test.key.id, format: 'curl', request: BALANCES })).toMatchObject({
      ok: false,
      error: { code: 'door.channel_refused' },
    });
    test.core.lock('menu');
    expect(await terminal['vault.unlock']({ passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const refusals = (await test.value('audit.list', {})).filter((entry) => entry.action === 'door-refused').map((entry) => entry.outcome);
    expect(refusals).toEqual(['signer.render through the terminal door', 'backup.export through the terminal door', 'keys.reveal through the terminal door']);
  });
});

describe('a compromised page importing a backup (row 10)', () => {
  it('cannot merge keys into an existing account without the passphrase; new accounts need nothing', async () => {
    const source = testBackend();
    await source.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const main = await source.value('accounts.create', { name: 'Main', baseUrl: 'https://main.example' });
    await source.value('keys.import', { accountId: main.id, kid: 'a1b2c3d4e5f6a7b8', secret: 'c'.repeat(32), label: 'planted' });
    const { contentBase64 } = await source.value('backup.export', { passphrase: BACKUP_PASSPHRASE, ownerPassphrase: PASSPHRASE });

    const target = testBackend();
    await target.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    // Into an empty vault the backup only adds accounts: nothing of the owner's is touched.
    expect(await target.value('backup.import', { contentBase64, passphrase: BACKUP_PASSPHRASE })).toMatchObject({ accountsAdded: 1, keysAdded: 1 });

    const victim = testBackend();
    await victim.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const own = await victim.value('accounts.create', { name: 'Main', baseUrl: 'https://main.example' });
    const merge = { contentBase64, passphrase: BACKUP_PASSPHRASE };
    expect(await victim.call('backup.import', merge)).toMatchObject({
      ok: false,
      error: { code: 'owner.passphrase_required', message: 'Enter the vault passphrase to confirm: add 1 key from a backup to accounts already in the vault.' },
    });
    expect(await victim.value('keys.list', { accountId: own.id })).toEqual([]);
    expect(await ownerChecks(victim)).toEqual([
      'refused (owner.passphrase_required): Add 1 key from a backup to accounts already in the vault (backup.import)',
    ]);
    expect(await victim.value('backup.import', { ...merge, ownerPassphrase: PASSPHRASE })).toMatchObject({ keysAdded: 1 });
  });
});

describe('a host that answers the time endpoint with a far-off clock (row 4)', () => {
  it('is refused in words and audited, and no nonce is dated more than 30 s ahead', async () => {
    const sandbox = await startSeededSandbox({ clockOffsetMs: 3_600_000 });
    const test = testBackend();
    const { value, call } = test;
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const account = await value('accounts.create', { name: 'Far ahead', baseUrl: sandbox.url });
    const { trade } = seededKeys(sandbox);
    const { key } = await value('keys.import', { accountId: account.id, kid: trade.kid, secret: trade.secret });

    const refused = await call('exchange.syncClock', { accountId: account.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'clock.offset_too_large',
        message: expect.stringMatching(/^The exchange.s clock is 3[56]\d\d\.\d s ahead of this computer's, more than the 30 s the vault accepts\./),
      },
    });
    expect(await value('exchange.clock', { accountId: account.id })).toBeNull();
    const audit = (await value('audit.list', {})).find((entry) => entry.action === 'clock-refused');
    expect(audit).toMatchObject({ accountId: account.id, outcome: refused.ok ? '' : refused.error.message });

    const before = Date.now();
    const { text } = await value('signer.render', { keyId: key.id, format: 'curl', request: BALANCES });
    const nonce = Number(/X-Auth-Nonce: (\d+)/.exec(text)?.[1]);
    expect(nonce - before).toBeLessThan(30_000);
  });
});
