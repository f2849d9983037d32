import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../app/app-error';
import { SAVED_REQUEST_LIMITS } from '../../../app/domain/saved-requests';
import type { SavedRequest } from '../records';
import type { Vault } from '../vault';
import { ManualClock } from './manual-clock';
import { withRawDatabase } from './raw-database';
import { accountInput, PASSPHRASE, vaultErrorFrom, VaultFixture } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const ORDERS = '/api/v2/peatio/market/orders';
const ORDER: SavedRequest['request'] = {
  method: 'POST',
  path: ORDERS,
  query: [],
  body: { market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '9000' },
};
const OPEN_ORDERS: SavedRequest['request'] = {
  method: 'GET',
  path: ORDERS,
  query: [
    ['state', 'wait'],
    ['market', 'btcusd'],
  ],
};

async function vaultWithAccounts() {
  const path = fixture.newPath();
  const clock = new ManualClock();
  const vault = fixture.open({ path, now: clock.now });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
  const alpha = vault.createAccount(accountInput('Alpha'));
  const beta = vault.createAccount(accountInput('Beta'));
  return { path, clock, vault, alpha, beta };
}

async function reopened(path: string, passphrase = PASSPHRASE): Promise<Vault> {
  const vault = fixture.open({ path });
  await vault.access.unlock(passphrase);
  return vault;
}

const raw = (path: string, sql: string, ...params: unknown[]) => withRawDatabase(path, (db) => db.prepare(sql).run(...params));

function inputError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('Expected an AppError, but nothing was thrown.');
}

describe('saved requests', () => {
  it('keeps each account its own, by name, with method, path, query and body as given, across a lock', async () => {
    const { path, vault, alpha, beta } = await vaultWithAccounts();
    const order = vault.saveRequest({ accountId: alpha.id, name: 'Buy the dip', request: ORDER });
    vault.saveRequest({ accountId: alpha.id, name: 'open orders', request: OPEN_ORDERS });
    vault.saveRequest({ accountId: beta.id, name: 'Balances', request: { method: 'GET', path: '/api/v2/peatio/account/balances' } });
    expect(order).toMatchObject({ accountId: alpha.id, name: 'Buy the dip', request: ORDER });
    vault.close();

    const again = await reopened(path);
    expect(again.listSavedRequests(alpha.id)).toEqual([
      { id: order.id, accountId: alpha.id, name: 'Buy the dip', request: ORDER, savedAt: order.savedAt },
      expect.objectContaining({
        name: 'open orders',
        request: {
          ...OPEN_ORDERS,
          query: [
            ['state', 'wait'],
            ['market', 'btcusd'],
          ],
        },
      }),
    ]);
    expect(again.listSavedRequests(beta.id).map((saved) => saved.name)).toEqual(['Balances']);
    // No body is no body: not a JSON null.
    expect('body' in (again.listSavedRequests(beta.id)[0]?.request ?? {})).toBe(false);
    again.access.lock();
    expect(vaultErrorFrom(() => again.listSavedRequests(alpha.id)).code).toBe('vault.locked');
    expect(vaultErrorFrom(() => again.saveRequest({ accountId: alpha.id, name: 'x', request: ORDER })).code).toBe('vault.locked');
  });

  it('replaces the saved request of the same name (keeping its id), and deletes one; they go with their account', async () => {
    const { vault, clock, alpha, beta } = await vaultWithAccounts();
    const first = vault.saveRequest({ accountId: alpha.id, name: 'mine', request: ORDER });
    clock.advance(1000);
    const second = vault.saveRequest({ accountId: alpha.id, name: '  mine ', request: OPEN_ORDERS });
    expect(second).toMatchObject({ id: first.id, name: 'mine', request: OPEN_ORDERS, savedAt: first.savedAt + 1000 });
    expect(vault.listSavedRequests(alpha.id)).toEqual([second]);
    // The same name on another account is another request.
    const other = vault.saveRequest({ accountId: beta.id, name: 'mine', request: ORDER });
    expect(other.id).not.toBe(first.id);

    vault.deleteSavedRequest(first.id);
    expect(vault.listSavedRequests(alpha.id)).toEqual([]);
    expect(vaultErrorFrom(() => vault.deleteSavedRequest(first.id)).code).toBe('vault.not_found');
    vault.deleteAccount(beta.id);
    expect(vaultErrorFrom(() => vault.deleteSavedRequest(other.id)).code).toBe('vault.not_found');
  });

  it('refuses a wrong account, a blank or long name, a relative path, text SQLite cannot keep, a body too deep, and one too many', async () => {
    const { vault, alpha } = await vaultWithAccounts();
    const save = (fields: Record<string, unknown>) => () => vault.saveRequest({ accountId: alpha.id, name: 'n', request: ORDER, ...fields } as never);
    expect(vaultErrorFrom(save({ accountId: crypto.randomUUID() })).code).toBe('vault.not_found');
    expect(inputError(save({ accountId: 'not-an-id' }))).toMatch(/^input.invalid: The saved request \(accountId\)/);
    expect(inputError(save({ name: '   ' }))).toBe('input.invalid: The saved request (name): Give the request a name.');
    expect(inputError(save({ name: 'x'.repeat(SAVED_REQUEST_LIMITS.name + 1) }))).toBe('input.invalid: The saved request (name): At most 100 characters.');
    expect(inputError(save({ name: 'two\nlines' }))).toMatch(/plain text on one line/);
    expect(inputError(save({ request: { ...ORDER, path: 'orders' } }))).toMatch(/\(request.path\): The path must start with "\/"/);
    expect(inputError(save({ request: { ...ORDER, path: '/\uD800' } }))).toMatch(/valid Unicode text/);
    expect(inputError(save({ request: { ...ORDER, query: [['a', 'b\0']] } }))).toMatch(/without NUL/);
    expect(inputError(save({ request: { ...ORDER, path: `/${'p'.repeat(2000)}` } }))).toMatch(/\(request.path\)/);
    expect(inputError(save({ request: { ...ORDER, query: Array.from({ length: 201 }, () => ['a', 'b']) } }))).toMatch(/\(request.query\)/);
    const deep = Array.from({ length: 40 }).reduce<unknown>((inner) => ({ inner }), 1);
    expect(inputError(save({ request: { ...ORDER, body: deep } }))).toMatch(/\(request.body\): Not JSON, or more than 32 levels deep/);
    expect(vault.listSavedRequests(alpha.id)).toEqual([]);

    for (let index = 0; index < SAVED_REQUEST_LIMITS.perAccount; index++) vault.saveRequest({ accountId: alpha.id, name: `r${index}`, request: OPEN_ORDERS });
    expect(inputError(() => vault.saveRequest({ accountId: alpha.id, name: 'one more', request: ORDER }))).toBe(
      'input.invalid: An account keeps at most 200 saved requests: delete one first.',
    );
    // Replacing one by name is no more.
    expect(() => vault.saveRequest({ accountId: alpha.id, name: 'r7', request: ORDER })).not.toThrow();
  });

  it('are authenticated: an edit of the file outside the app is refused as tampered, and can still be deleted', async () => {
    const { path, vault, alpha, beta } = await vaultWithAccounts();
    const order = vault.saveRequest({ accountId: alpha.id, name: 'order', request: ORDER });
    vault.close();
    const before = withRawDatabase(path, (db) => db.prepare('SELECT * FROM saved_requests WHERE id = ?').get(order.id) as Record<string, unknown>);
    for (const [sql, value] of [
      ['UPDATE saved_requests SET body = ? WHERE id = ?', JSON.stringify({ market: 'btcusd', side: 'buy', volume: '100', ord_type: 'limit', price: '9000' })],
      ['UPDATE saved_requests SET path = ? WHERE id = ?', '/api/v2/peatio/account/withdraws'],
      ['UPDATE saved_requests SET query = ? WHERE id = ?', '[["a","b"]]'],
      ['UPDATE saved_requests SET method = ? WHERE id = ?', 'DELETE'],
      ['UPDATE saved_requests SET account_id = ? WHERE id = ?', beta.id],
      ['UPDATE saved_requests SET mac = ? WHERE id = ?', Buffer.alloc(32)],
    ] as const) {
      raw(path, sql, value, order.id);
      const tampered = await reopened(path);
      const error = vaultErrorFrom(() => [alpha.id, beta.id].forEach((id) => tampered.listSavedRequests(id)));
      expect(error.code).toBe('vault.tampered');
      expect(error.message).toMatch(/^The vault file was changed outside the app: saved request "order" of account "(Alpha|Beta)" does not match its seal\.$/);
      // Saving over it under its name does not launder it.
      if (sql.includes('body'))
        expect(vaultErrorFrom(() => tampered.saveRequest({ accountId: alpha.id, name: 'order', request: ORDER })).code).toBe('vault.tampered');
      tampered.close();
      withRawDatabase(path, (db) =>
        db
          .prepare(
            'UPDATE saved_requests SET account_id = @account_id, method = @method, path = @path, query = @query, body = @body, mac = @mac WHERE id = @id',
          )
          .run(before),
      );
    }
    const whole = await reopened(path);
    expect(whole.listSavedRequests(alpha.id)).toEqual([order]);
    whole.close();

    raw(path, 'UPDATE saved_requests SET body = NULL WHERE id = ?', order.id);
    const last = await reopened(path);
    expect(vaultErrorFrom(() => last.listSavedRequests(alpha.id)).code).toBe('vault.tampered');
    last.deleteSavedRequest(order.id);
    expect(last.listSavedRequests(alpha.id)).toEqual([]);
  });

  it('stay whole through a passphrase change, which moves their MACs to the new vault key', async () => {
    const { path, vault, alpha } = await vaultWithAccounts();
    const order = vault.saveRequest({ accountId: alpha.id, name: 'order', request: ORDER });
    await vault.access.setPassphrase(PASSPHRASE, 'another passphrase entirely');
    expect(vault.listSavedRequests(alpha.id)).toEqual([order]);
    vault.close();
    expect((await reopened(path, 'another passphrase entirely')).listSavedRequests(alpha.id)).toEqual([order]);
  });
});
