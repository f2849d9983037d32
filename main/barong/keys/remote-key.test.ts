import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../exchange-error';
import { parseCreatedKey, parseRemoteKeys } from './remote-key';

const KEY = {
  kid: '0123456789abcdef',
  algorithm: 'HS256',
  scope: ['trade'],
  state: 'active',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
};
const SECRET = '0123456789abcdef0123456789abcdef';

describe('API keys as the exchange sends them', () => {
  it("reads the secret of Barong 2.6 (a string) and of 2.5 and older (Vault's record)", () => {
    const vaultRecord = { request_id: '', lease_duration: 0, data: { value: SECRET }, wrap_info: null };
    expect(parseCreatedKey({ ...KEY, secret: SECRET }, 201).secret).toBe(SECRET);
    expect(parseCreatedKey({ ...KEY, secret: vaultRecord }, 201)).toEqual({
      key: { kid: KEY.kid, algorithm: 'HS256', scopes: ['trade'], state: 'active', createdAt: KEY.created_at, updatedAt: KEY.updated_at },
      secret: SECRET,
    });
  });

  it('refuses a create answer without a secret, never quoting the body', () => {
    for (const body of [{ ...KEY }, { ...KEY, secret: { data: {} } }, { ...KEY, kid: 5, secret: SECRET }]) {
      let error: unknown;
      try {
        parseCreatedKey(body, 201);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ExchangeError);
      expect((error as ExchangeError).message).not.toContain(SECRET);
    }
  });

  it('accepts a missing or comma-separated scope in a list', () => {
    const { scope, ...bare } = KEY;
    expect(parseRemoteKeys([bare, { ...KEY, scope: 'trade, read' }, { ...KEY, scope: null }], 200).map((key) => key.scopes)).toEqual([
      [],
      ['trade', 'read'],
      [],
    ]);
    expect(scope).toEqual(['trade']);
  });
});
