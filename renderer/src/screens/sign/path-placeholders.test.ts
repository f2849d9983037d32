import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholdersOf } from './path-placeholders';

describe('path placeholders', () => {
  it('names each placeholder once, in order', () => {
    expect(placeholdersOf('/api/v2/peatio/market/orders/:id/cancel')).toEqual(['id']);
    expect(placeholdersOf('/a/:currency/b/:id/:currency')).toEqual(['currency', 'id']);
    expect(placeholdersOf('/api/v2/peatio/account/balances')).toEqual([]);
  });

  it('fills them as single segments, so a value cannot add a segment or a query', () => {
    expect(fillPlaceholders('/balances/:currency', { currency: ' btc ' })).toEqual({ path: '/balances/btc' });
    expect(fillPlaceholders('/orders/:id', { id: '../withdraws?x=1' })).toEqual({ path: '/orders/..%2Fwithdraws%3Fx%3D1' });
  });

  it('names the first one left empty', () => {
    expect(fillPlaceholders('/a/:currency/:id', { currency: 'usd', id: ' ' })).toEqual({ missing: 'id' });
  });
});
