import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_POLICY, levelOf, pathShapeProblem, policyForLevel } from './agent-policy';

const balances = '/api/v2/peatio/account/balances';
const orders = '/api/v2/peatio/market/orders';
const withdraws = '/api/v2/peatio/account/withdraws';

describe('a key policy', () => {
  it('refuses everything while agent use is off, which is the default', () => {
    expect(decide(DEFAULT_POLICY, 'GET', balances)).toEqual({ allowed: false, reason: expect.stringContaining('not open to local programs') });
  });

  it('read only: GET under account, market and public, and nothing that changes state', () => {
    const read = policyForLevel('read');
    expect(decide(read, 'GET', balances).allowed).toBe(true);
    expect(decide(read, 'GET', '/api/v2/peatio/public/markets').allowed).toBe(true);
    expect(decide(read, 'GET', '/api/v2/ranger/private').allowed).toBe(true);
    expect(decide(read, 'POST', orders)).toEqual({ allowed: false, reason: expect.stringContaining('Read only') });
    expect(decide(read, 'GET', '/api/v2/barong/resource/api_keys').allowed).toBe(false);
  });

  it('trade: also creates and cancels orders, but never withdraws', () => {
    const trade = policyForLevel('trade');
    expect(decide(trade, 'POST', orders).allowed).toBe(true);
    expect(decide(trade, 'POST', `${orders}/42/cancel`).allowed).toBe(true);
    expect(decide(trade, 'POST', `${orders}/cancel`).allowed).toBe(true);
    expect(decide(trade, 'POST', withdraws)).toEqual({ allowed: false, reason: expect.stringContaining('moves funds out') });
  });

  it('everything still refuses withdrawals until the owner names the path', () => {
    const all = policyForLevel('all');
    expect(decide(all, 'DELETE', '/api/v2/barong/resource/api_keys/1').allowed).toBe(true);
    expect(decide(all, 'POST', withdraws).allowed).toBe(false);
    expect(decide(all, 'POST', '/api/v2/peatio/account/beneficiaries').allowed).toBe(false);
    expect(decide(all, 'GET', withdraws).allowed).toBe(true);
    expect(decide({ ...policyForLevel('trade'), withdrawalPaths: [withdraws] }, 'POST', withdraws).allowed).toBe(true);
  });

  it('matches prefixes segment by segment, on one spelling of the path only', () => {
    const trade = policyForLevel('trade');
    expect(decide(trade, 'POST', '/api/v2/peatio/market/ordersX').allowed).toBe(false);
    for (const sneaky of [
      '/api/v2/peatio/market/../account/withdraws',
      '/api/v2/peatio/market/%2e%2e/account/withdraws',
      '/api/v2/peatio/market/orders%2F..%2F..%2Faccount%2Fwithdraws',
      '/api/v2/peatio/market//orders',
      '/api/v2/peatio/market/orders\\..\\x',
      '/api/v2/peatio/market/orders?x=1',
    ]) {
      expect(pathShapeProblem(sneaky), sneaky).toBeDefined();
      expect(decide(policyForLevel('all'), 'POST', sneaky).allowed, sneaky).toBe(false);
    }
  });

  it('names its level', () => {
    expect(levelOf(policyForLevel('read'))).toBe('read');
    expect(levelOf(policyForLevel('trade'))).toBe('trade');
    expect(levelOf(policyForLevel('all'))).toBe('all');
    expect(levelOf({ ...policyForLevel('read'), rules: [{ methods: ['GET'], pathPrefix: '/api/v2/peatio/public' }] })).toBe('custom');
  });
});
