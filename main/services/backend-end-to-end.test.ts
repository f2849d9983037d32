import { describe, expect, it } from 'vitest';
import { peatioPaths } from '../../app/barong/paths';
import { frozenClock, TRADER } from '../barong/tests/barong-exchange';
import { startSeededSandbox } from '../barong/tests/exchange-sandbox';
import { runShell } from '../../test/support/run-shell';
import { totpCode } from '../../test/support/sandbox-keys';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

const BALANCES = { method: 'GET', path: peatioPaths.balances } as const;
// Only what a trader's shell would have.
const bash = (script: string) => runShell('bash', script, { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' });

describe('the backend end to end against the sandbox', () => {
  it('sets up, logs in with 2FA, creates a key, signs a command that runs, sends, locks and unlocks', async () => {
    const sandbox = await startSeededSandbox();
    const trader = sandbox.users.find((user) => user.email === TRADER);
    if (!trader?.totpSecret) throw new Error('The sandbox has no trader with 2FA.');
    const { call, value, errorCode, eventsNamed, logger } = testBackend();

    expect(await value('vault.status')).toMatchObject({ setUp: false, unlocked: false, computerKeychain: { available: true, secure: true } });
    expect(await errorCode('accounts.list')).toBe('vault.locked');
    expect(await value('vault.create', { passphrase: PASSPHRASE, keychain: true })).toMatchObject({
      setUp: true,
      unlocked: true,
      passphrase: true,
      keychain: 'gnome_libsecret',
    });
    const account = await value('accounts.create', { name: 'Sandbox', baseUrl: sandbox.url });

    // Barong asks for the code mid-login; the renderer asks the trader and calls again.
    const login = { accountId: account.id, email: trader.email, password: trader.password };
    expect(await value('exchange.login', login)).toEqual({ status: 'code_needed' });
    const loginCode = totpCode(trader.totpSecret, Date.now());
    expect(await value('exchange.login', { ...login, code: loginCode })).toMatchObject({ status: 'logged_in', user: { email: trader.email, otp: true } });
    expect(await value('exchange.session', { accountId: account.id })).toMatchObject({ status: 'logged_in' });
    expect((await value('exchange.balances', { accountId: account.id })).length).toBeGreaterThan(0);

    // The login spent this period's code: key creation takes the next one.
    const creation = { accountId: account.id, label: 'from the backend' };
    expect(await value('exchange.createKey', creation)).toEqual({ status: 'code_needed' });
    const createCode = totpCode(trader.totpSecret, Date.now() + 30_000);
    const created = await value('exchange.createKey', { ...creation, code: createCode });
    if (created.status !== 'created') throw new Error('The key was not created.');
    const keyId = created.key.id;
    expect(created.key).toMatchObject({ label: 'from the backend', remoteState: 'active', origin: 'created' });
    expect((await value('exchange.reconcileKeys', { accountId: account.id })).inSync.map((key) => key.id)).toContain(keyId);

    const rendered = await value('signer.render', { keyId, format: 'curl', request: BALANCES });
    expect(rendered.expiresAtMs).toBeGreaterThan(Date.now());
    expect(rendered.expiresAtMs).toBe(rendered.signedAtMs + account.nonceLifetimeMs);
    const run = await bash(rendered.text);
    expect(run.code, run.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);

    const sent = await value('signer.send', { keyId, request: BALANCES });
    expect(sent.status).toBe(200);
    expect(sent.totalMs).toBeGreaterThan(0);
    expect(sent.pretty).toBe(JSON.stringify(sent.body, null, 2));
    expect(sent.headers['content-type']).toContain('json');
    expect(await value('keys.test', { keyId })).toMatchObject({ works: true });

    // A refusal comes back as an error in the catalogue's words, with its next step.
    const refusal = await call('signer.send', { keyId, request: { method: 'GET', path: `${peatioPaths.orders}/999999` } });
    expect(refusal).toEqual({
      ok: false,
      error: {
        code: 'record.not_found',
        status: 404,
        message: 'The exchange has no such record for this account.',
        action: 'Refresh the list: it may have been deleted.',
      },
    });

    // Reveal asks for the passphrase again.
    expect(await errorCode('keys.reveal', { keyId })).toBe('owner.passphrase_required');
    expect(await errorCode('keys.reveal', { keyId, ownerPassphrase: 'not the passphrase' })).toBe('vault.wrong_passphrase');
    const revealed = await value('keys.reveal', { keyId, ownerPassphrase: PASSPHRASE });
    const secret = 'secret' in revealed ? revealed.secret : '';
    expect(secret).toMatch(/^[\x21-\x7e]+$/);

    await value('vault.lock');
    expect(eventsNamed('vault.locked')).toHaveLength(1);
    for (const [channel, input] of [
      ['signer.render', { keyId, format: 'curl', request: BALANCES }],
      ['signer.send', { keyId, request: BALANCES }],
      ['keys.reveal', { keyId, ownerPassphrase: PASSPHRASE }],
      ['keys.list', { accountId: account.id }],
      ['exchange.balances', { accountId: account.id }],
      ['exchange.createKey', { ...creation, code: createCode }],
      ['backup.export', { passphrase: PASSPHRASE, ownerPassphrase: PASSPHRASE }],
      ['accounts.setTotpSeed', { accountId: account.id, seed: trader.totpSecret, ownerPassphrase: PASSPHRASE }],
    ] as const) {
      expect(await errorCode(channel, input), channel).toBe('vault.locked');
    }

    expect(await value('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ unlocked: true });
    // The lock dropped the session; signing needs none.
    expect(await value('exchange.session', { accountId: account.id })).toEqual({ status: 'logged_out' });
    expect((await value('signer.send', { keyId, request: BALANCES })).status).toBe(200);
    expect((await value('audit.list', {})).map((entry) => entry.action)).toEqual(expect.arrayContaining(['create-key', 'sign', 'send', 'reveal-secret']));

    const logged = logger.lines.join('\n');
    for (const secretText of [trader.password, secret, loginCode, createCode, PASSPHRASE]) expect(logged).not.toContain(secretText);
  });

  it('makes codes from a stored seed, telling the renderer how long it waits for the next period', async () => {
    const clock = frozenClock();
    const sandbox = await startSeededSandbox();
    const trader = sandbox.users.find((user) => user.email === TRADER);
    if (!trader?.totpSecret) throw new Error('The sandbox has no trader with 2FA.');
    const { value, eventsNamed } = testBackend({ clock });
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const account = await value('accounts.create', { name: 'Sandbox', baseUrl: sandbox.url });
    expect(await value('accounts.setTotpSeed', { accountId: account.id, seed: trader.totpSecret, ownerPassphrase: PASSPHRASE })).toMatchObject({
      hasTotpSeed: true,
    });

    expect(await value('exchange.login', { accountId: account.id, email: trader.email, password: trader.password })).toMatchObject({ status: 'logged_in' });
    expect(eventsNamed('exchange.codeWait')).toEqual([]);
    const created = await value('exchange.createKey', { accountId: account.id });
    expect(created.status).toBe('created');
    const waits = eventsNamed('exchange.codeWait');
    expect(waits.map((wait) => wait.secondsLeft)).toEqual(Array.from({ length: 20 }, (_, index) => 20 - index));
    expect(new Set(waits.map((wait) => `${wait.accountId} ${wait.purpose}`))).toEqual(new Set([`${account.id} create-key`]));
  });
});
