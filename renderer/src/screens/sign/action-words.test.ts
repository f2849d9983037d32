import { describe, expect, it } from 'vitest';
import { actionQuestion } from './action-words';

const ORDERS = '/api/v2/peatio/market/orders';

describe('the question before a state-changing Send', () => {
  it('names an order by side, volume, base currency and price', () => {
    const body = { market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '9000' };
    expect(actionQuestion({ method: 'POST', path: ORDERS, body }, 'Sandbox')).toBe('Place a limit buy of 0.01 BTC at 9000 on Sandbox?');
    expect(actionQuestion({ method: 'POST', path: ORDERS, body: { market: 'ethusdt', side: 'sell', volume: 2, ord_type: 'market' } }, 'Main')).toBe(
      'Place a market sell of 2 ETH on Main?',
    );
  });

  it('names cancels and withdrawals', () => {
    expect(actionQuestion({ method: 'POST', path: `${ORDERS}/42/cancel` }, 'Sandbox')).toBe('Cancel order 42 on Sandbox?');
    expect(actionQuestion({ method: 'POST', path: `${ORDERS}/cancel`, body: { market: 'btcusd' } }, 'Sandbox')).toBe(
      'Cancel all open orders in BTCUSD on Sandbox?',
    );
    expect(actionQuestion({ method: 'POST', path: '/api/v2/peatio/account/withdraws', body: { currency: 'btc', amount: '0.5' } }, 'Sandbox')).toBe(
      'Withdraw 0.5 BTC from Sandbox?',
    );
  });

  it('names anything else by method and path', () => {
    expect(actionQuestion({ method: 'DELETE', path: '/api/v2/barong/resource/api_keys/abc' }, 'Sandbox')).toBe(
      'Send DELETE /api/v2/barong/resource/api_keys/abc to Sandbox?',
    );
  });
});
