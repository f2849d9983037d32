import type { SignedRequest } from '../../app/commands/request';

/** A signed GET of the balances with fixed headers, for tests that compare rendered text. */
export const balancesRequest = (overrides: Partial<SignedRequest> = {}): SignedRequest => ({
  baseUrl: 'https://exchange.example',
  method: 'GET',
  path: '/api/v2/peatio/account/balances',
  query: [],
  headers: { 'X-Auth-Apikey': '61d025b8573501c2', 'X-Auth-Nonce': '1584524005143', 'X-Auth-Signature': '5'.repeat(64) },
  ...overrides,
});
