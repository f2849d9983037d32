import { describe, expect, it } from 'vitest';
import type { RequestOf } from '../../app/contract/api';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

const ORDER: RequestOf<'requests.save'>['request'] = {
  method: 'POST',
  path: '/api/v2/peatio/market/orders',
  query: [['x', '1']],
  body: { market: 'btcusd', side: 'buy', volume: '0.01', price: '9000' },
};
const deep = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => [inner], 'leaf');

async function withAccount() {
  const test = testBackend();
  await test.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
  const account = await test.value('accounts.create', { name: 'Saved', baseUrl: 'https://saved.example' });
  return { ...test, accountId: account.id };
}

describe('requests.*', () => {
  it('saves, lists and deletes an account’s requests without the owner, and leaves no body in the audit log or the logs', async () => {
    const { value, accountId, logger } = await withAccount();
    const saved = await value('requests.save', { accountId, name: 'Buy', request: ORDER });
    expect(saved).toMatchObject({ accountId, name: 'Buy', request: ORDER });
    expect(await value('requests.list', { accountId })).toEqual([saved]);
    // The same name replaces it.
    const replaced = await value('requests.save', { accountId, name: 'Buy', request: { method: 'GET', path: '/api/v2/peatio/account/balances' } });
    expect(replaced.id).toBe(saved.id);
    expect(await value('requests.list', { accountId })).toEqual([
      { ...replaced, request: { method: 'GET', path: '/api/v2/peatio/account/balances', query: [] } },
    ]);
    expect(await value('requests.delete', { requestId: saved.id })).toBeNull();
    expect(await value('requests.list', { accountId })).toEqual([]);
    const trail = JSON.stringify([await value('audit.list', {}), logger.lines]);
    expect(trail).not.toContain('btcusd');
    expect(trail).not.toContain('9000');
  });

  it('refuses hostile input in words: a wrong account, a name too long, a body too deep or too big, a locked vault', async () => {
    const { call, errorCode, value, accountId } = await withAccount();
    expect(await errorCode('requests.save', { accountId: crypto.randomUUID(), name: 'n', request: ORDER })).toBe('vault.not_found');
    expect(await errorCode('requests.list', { accountId: crypto.randomUUID() })).toBe('vault.not_found');
    expect(await errorCode('requests.delete', { requestId: crypto.randomUUID() })).toBe('vault.not_found');
    expect(await call('requests.save', { accountId, name: 'n'.repeat(101), request: ORDER })).toEqual({
      ok: false,
      error: { code: 'input.invalid', message: 'The request (name): At most 100 characters.' },
    });
    expect(await errorCode('requests.save', { accountId, name: ' ', request: ORDER })).toBe('input.invalid');
    expect(await errorCode('requests.save', { accountId, name: 'deep', request: { ...ORDER, body: deep(33) } })).toBe('input.invalid');
    expect(await errorCode('requests.save', { accountId, name: 'deep', request: { ...ORDER, body: deep(20_000) } })).toBe('input.invalid');
    expect(await errorCode('requests.save', { accountId, name: 'big', request: { ...ORDER, body: 'x'.repeat(1_000_001) } })).toBe('input.invalid');
    expect(await errorCode('requests.save', { accountId, name: 'long', request: { ...ORDER, path: `/${'p'.repeat(2000)}` } })).toBe('input.invalid');
    expect(await value('requests.list', { accountId })).toEqual([]);
    await value('vault.lock');
    expect(await errorCode('requests.list', { accountId })).toBe('vault.locked');
    expect(await errorCode('requests.save', { accountId, name: 'n', request: ORDER })).toBe('vault.locked');
  });
});
