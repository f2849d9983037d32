import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../store/audit-log';
import { outcomeTone, requestLine, signAgainOf } from './audit-filter';

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: 0,
  action: 'sign',
  accountId: 'account-1',
  keyId: 'key-1',
  kid: 'abc123',
  method: 'GET',
  path: '/api/v2/peatio/account/balances',
  status: null,
  outcome: null,
  ...fields,
});

describe('signAgainOf', () => {
  it('offers the request of a signature, a copy or a send, with its key and account', () => {
    for (const action of ['sign', 'copy', 'send']) {
      expect(signAgainOf(entry({ action, method: 'POST', path: '/api/v2/peatio/market/orders?market=btcusd' }))).toEqual({
        accountId: 'account-1',
        kid: 'abc123',
        request: { method: 'POST', path: '/api/v2/peatio/market/orders?market=btcusd' },
      });
    }
  });

  it('offers nothing for other actions or rows missing a part', () => {
    expect(signAgainOf(entry({ action: 'reveal-secret' }))).toBeNull();
    expect(signAgainOf(entry({ action: 'agent-use' }))).toBeNull();
    expect(signAgainOf(entry({ accountId: null }))).toBeNull();
    expect(signAgainOf(entry({ kid: null }))).toBeNull();
    expect(signAgainOf(entry({ path: null }))).toBeNull();
    expect(signAgainOf(entry({ method: 'TRACE' }))).toBeNull();
  });
});

describe('outcomeTone', () => {
  it('colours an answer by its status class', () => {
    expect(outcomeTone(entry({ action: 'send', status: 200, outcome: 'ok' }))).toBe('success');
    expect(outcomeTone(entry({ action: 'send', status: 429, outcome: 'exchange.rate_limited' }))).toBe('warning');
    expect(outcomeTone(entry({ action: 'send', status: 502, outcome: 'exchange.server_error' }))).toBe('danger');
  });

  it('marks a send that got no answer, and refusals', () => {
    expect(outcomeTone(entry({ action: 'send', outcome: 'network.timeout' }))).toBe('danger');
    expect(outcomeTone(entry({ action: 'owner-check', outcome: 'refused (cancelled): reveal' }))).toBe('warning');
    expect(outcomeTone(entry({ action: 'sign' }))).toBe('neutral');
  });
});

describe('requestLine', () => {
  it('is the method and the path', () => {
    expect(requestLine(entry({}))).toBe('GET /api/v2/peatio/account/balances');
    expect(requestLine(entry({ method: null, path: null }))).toBe('');
  });
});
