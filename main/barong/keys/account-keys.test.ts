import { describe, expect, it } from 'vitest';
import { barongPaths, peatioPaths } from '../../../app/barong/paths';
import { exchangeFixture, frozenClock, paramsOf, periodOf, SandboxClient, TRADER, codeAt, rejection } from '../tests/barong-exchange';
import type { SecretShape } from '../tests/barong-exchange';
import type { Exchanged } from '../tests/barong-exchange';
import { ExchangeKeys } from './exchange-keys';

/** Logged in as the trader, whose 2FA seed is stored: every code comes from the seed, on a frozen clock. */
async function traderWithSeed(options: { secretShape?: SecretShape } = {}) {
  const clock = frozenClock();
  const fixture = await exchangeFixture({ clock, sandbox: { secretShape: options.secretShape ?? 'plain' } });
  fixture.vault.setTotpSeed(fixture.account.id, fixture.user(TRADER).totpSecret);
  await fixture.session.login(fixture.user(TRADER));
  return { ...fixture, clock };
}

const isWrite = ({ request }: Exchanged) => request.method !== 'GET';
const toResource = ({ request }: Exchanged) => new URL(request.url).pathname.startsWith('/api/v2/barong/resource/');

describe('API keys on the exchange, with the vault following', () => {
  it('creates, lists over several pages, disables, enables with the scopes kept, and deletes', async () => {
    const { keys, vault, account, exchanged, session } = await traderWithSeed();
    const accountKeys = keys(2);

    const first = await accountKeys.create({ label: 'bot', scopes: ['trade', 'read'] });
    await accountKeys.create({});
    await accountKeys.create({ scopes: ['read'] });
    const listed = await new ExchangeKeys(session, 2).list();

    expect(listed.map((key) => key.kid).sort()).toEqual(
      vault
        .listKeys(account.id)
        .map((key) => key.kid)
        .sort(),
    );
    expect(listed).toHaveLength(3);
    const pages = exchanged
      .filter(({ request }) => request.method === 'GET' && request.url.includes(barongPaths.apiKeys))
      .map(({ request }) => paramsOf(request));
    expect(pages).toEqual([
      { page: '1', limit: '2' },
      { page: '2', limit: '2' },
    ]);
    expect(first.key).toMatchObject({ label: 'bot', scopes: ['trade', 'read'], remoteState: 'active', origin: 'created' });

    const disabled = await accountKeys.setEnabled(first.key.id, false);
    const enabled = await accountKeys.setEnabled(first.key.id, true);
    expect(disabled).toMatchObject({ remoteState: 'disabled', scopes: ['trade', 'read'] });
    expect(enabled).toMatchObject({ remoteState: 'active', scopes: ['trade', 'read'] });
    const patches = exchanged.filter(({ request }) => request.method === 'PATCH').map(({ request }) => paramsOf(request));
    expect(patches.map(({ state, scope }) => ({ state, scope }))).toEqual([
      { state: 'disabled', scope: 'trade,read' },
      { state: 'active', scope: 'trade,read' },
    ]);
    expect((await new ExchangeKeys(session).list()).find((key) => key.kid === first.key.kid)).toMatchObject({ state: 'active', scopes: ['trade', 'read'] });

    await accountKeys.delete(first.key.id);
    expect(vault.listKeys(account.id).map((key) => key.kid)).not.toContain(first.key.kid);
    expect((await new ExchangeKeys(session).list()).map((key) => key.kid)).not.toContain(first.key.kid);
    const deletion = exchanged.find(({ request }) => request.method === 'DELETE' && request.url.includes(barongPaths.apiKeys));
    expect(deletion && new URL(deletion.request.url).pathname).toBe(`${barongPaths.apiKeys}/${first.key.kid}`);
    expect(deletion && paramsOf(deletion.request).totp_code).toMatch(/^\d{6}$/);

    // Every write to a private path carried the CSRF token from the login answer, and each its own code.
    const login = exchanged.find(({ request, response }) => request.url.endsWith(barongPaths.sessions) && response?.status === 200);
    const csrf = (JSON.parse(login?.response?.body.toString('utf8') ?? '{}') as { csrf_token: string }).csrf_token;
    const writes = exchanged.filter((entry) => isWrite(entry) && toResource(entry));
    expect(writes).toHaveLength(6);
    expect(writes.map(({ request }) => request.headers['X-CSRF-Token'])).toEqual(writes.map(() => csrf));
    const codes = exchanged
      .map(({ request }) => paramsOf(request))
      .flatMap((params) => [params.otp_code, params.totp_code])
      .filter((code) => code !== undefined);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(['plain', 'vault'] as const)('stores the secret of the "%s" answer shape, and the stored key signs for the exchange', async (secretShape) => {
    const { keys, vault, sandbox } = await traderWithSeed({ secretShape });
    const { key } = await keys().create({});

    const nonce = String(Date.now());
    const answer = await fetch(`${sandbox.url}${peatioPaths.balances}`, { headers: { ...vault.sign(key.id, nonce, new URL(sandbox.url).origin) } });
    expect(answer.status).toBe(200);
  });

  it("waits for the next 30 s period when this one's code was spent, reporting the seconds left", async () => {
    const { keys, exchanged, clock, user } = await traderWithSeed();
    const loginAt = clock.now();
    const progress: number[] = [];

    await keys().create({}, { onWait: (secondsLeft) => progress.push(secondsLeft) });

    expect(progress).toEqual(Array.from({ length: 20 }, (_, index) => 20 - index));
    expect(periodOf(clock.now())).toBe(periodOf(loginAt) + 1);
    const creation = exchanged.find(({ request }) => request.method === 'POST' && request.url.endsWith(barongPaths.apiKeys));
    expect(creation && paramsOf(creation.request).totp_code).toBe(codeAt(user(TRADER).totpSecret, clock.now()));
    expect(creation?.response?.status).toBe(201);
  });

  it("maps the exchange's totp.error when the next period was spent elsewhere, then waits for the one after", async () => {
    const { keys, sandbox, clock, user, vault, account } = await traderWithSeed();
    // A phone or a browser spends the next period's code first (the exchange accepts it already).
    const { password, totpSecret } = user(TRADER);
    expect((await new SandboxClient(sandbox.url).login(TRADER, password, codeAt(totpSecret, clock.now() + 30_000))).status).toBe(200);

    const error = await rejection(keys().create({}));
    expect({ code: error.code, status: error.status }).toEqual({ code: 'totp.error', status: 422 });
    expect(error.message).toContain('already used');
    expect(vault.pendingKeyCreations(account.id)).toEqual([]);

    const progress: number[] = [];
    await keys().create({}, { onWait: (secondsLeft) => progress.push(secondsLeft) });
    expect(progress[0]).toBe(30);
    expect(vault.listKeys(account.id)).toHaveLength(1);
  });
});

describe('write-ahead key creation', () => {
  it('records the creation before the request goes out and clears it with the stored key', async () => {
    const { keys, vault, account, control } = await traderWithSeed();
    const seenDuringRequest: unknown[] = [];
    control.rewrite = (request) => {
      if (request.method === 'POST' && request.url.endsWith(barongPaths.apiKeys)) seenDuringRequest.push(...vault.pendingKeyCreations(account.id));
      return request;
    };

    const { key } = await keys().create({ label: 'bot', scopes: ['trade'] });

    expect(seenDuringRequest).toEqual([expect.objectContaining({ accountId: account.id, label: 'bot', scopes: ['trade'] })]);
    expect(Object.keys(seenDuringRequest[0] as object).sort()).toEqual(['accountId', 'id', 'label', 'scopes', 'startedAt']);
    expect(vault.pendingKeyCreations()).toEqual([]);
    expect(vault.listKeys(account.id)).toEqual([key]);
  });

  it('forgets the creation when the exchange refuses it', async () => {
    const { keys, vault, sandbox, account } = await traderWithSeed();
    sandbox.admin.setUserState(TRADER, 'pending');
    const error = await rejection(keys().create({}));
    expect(error.status).toBe(422);
    expect(vault.pendingKeyCreations(account.id)).toEqual([]);
  });

  it('keeps the creation when the answer is lost, and reconciliation shows the key as secret unknown', async () => {
    const { keys, vault, account, control } = await traderWithSeed();
    control.loseAnswer = (request) => request.method === 'POST' && request.url.endsWith(barongPaths.apiKeys);
    const error = await rejection(keys().create({ scopes: ['read'] }));
    control.loseAnswer = () => false;

    expect(error.code).toBe('network.reset');
    expect(vault.pendingKeyCreations(account.id)).toEqual([expect.objectContaining({ scopes: ['read'] })]);
    const report = await keys().reconcile();
    expect(report.secretUnknown).toHaveLength(1);
    expect(report.pendingCreations).toHaveLength(1);
    expect(vault.listKeys(account.id)).toEqual([]);
  });
});

describe('reconciliation with the exchange', () => {
  it("reports keys made elsewhere, marks keys gone from the exchange, and takes the exchange's states", async () => {
    const { keys, vault, account, session } = await traderWithSeed();
    const accountKeys = keys();
    const exchange = new ExchangeKeys(session);
    const kept = (await accountKeys.create({})).key;
    const toDisable = (await accountKeys.create({ scopes: ['trade'] })).key;
    const madeElsewhere = await session.withCode('create-key', {}, (code) => exchange.create([], code));
    await session.withCode('change-key', {}, (code) => exchange.setState(toDisable.kid, 'disabled', ['trade'], code));
    const imported = vault.importKey({ accountId: account.id, kid: '0123456789abcdef', secret: '0123456789abcdef0123456789abcdef' }).key;

    const report = await accountKeys.reconcile();

    expect(report.secretUnknown.map((key) => key.kid)).toEqual([madeElsewhere.key.kid]);
    expect(report.onlyInVault.map((key) => key.id)).toEqual([imported.id]);
    expect(report.stateChanges).toEqual([
      { keyId: toDisable.id, kid: toDisable.kid, from: 'active', to: 'disabled' },
      { keyId: imported.id, kid: imported.kid, from: 'unknown', to: 'deleted_remotely' },
    ]);
    expect(report.inSync.map((key) => key.id)).toEqual([kept.id]);
    expect(vault.key(toDisable.id).remoteState).toBe('disabled');
    expect(vault.key(imported.id).remoteState).toBe('deleted_remotely');
    expect((await accountKeys.reconcile()).stateChanges).toEqual([]);
  });
});
