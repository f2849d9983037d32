import { parseAmount } from './decimal';
import type { SandboxState } from './state';

export interface SeededKey {
  email: string;
  kid: string;
  secret: string;
}

const units = (text: string): bigint => parseAmount(text) ?? 0n;

/** Funds, a few orders and one trade, for a demo that has something to show from the start. */
const DEMO_FUNDS: Record<string, Record<string, string>> = {
  'trader@sandbox.test': { btc: '2.5', eth: '40', usd: '100000' },
  'viewer@sandbox.test': { btc: '0.1', usd: '5000' },
  'pending@sandbox.test': { usd: '100' },
};

/** Ready keys: two for the trader (one to read, one to trade), one for the read-only viewer. */
const DEMO_KEYS: readonly { email: string; scope: string[] }[] = [
  { email: 'trader@sandbox.test', scope: ['trade'] },
  { email: 'trader@sandbox.test', scope: ['read'] },
  { email: 'viewer@sandbox.test', scope: ['read'] },
];

function requireUid(state: SandboxState, email: string): string {
  const user = state.users.findByEmail(email);
  if (!user) throw new Error(`The seed names an unknown user: ${email}`);
  return user.uid;
}

export function seedDemoData(state: SandboxState): SeededKey[] {
  for (const [email, funds] of Object.entries(DEMO_FUNDS)) {
    const uid = requireUid(state, email);
    for (const [currency, amount] of Object.entries(funds)) state.exchange.credit(uid, currency, units(amount));
  }
  const trader = requireUid(state, 'trader@sandbox.test');
  const { exchange } = state;
  exchange.placeOrder(trader, { market: 'btcusd', side: 'buy', volume: '0.1', ordType: 'market', price: undefined });
  exchange.placeOrder(trader, { market: 'btcusd', side: 'buy', volume: '0.5', ordType: 'limit', price: '28000' });
  exchange.placeOrder(trader, { market: 'ethusd', side: 'sell', volume: '2', ordType: 'limit', price: '2200' });
  const cancelled = exchange.placeOrder(trader, { market: 'ethbtc', side: 'sell', volume: '1', ordType: 'limit', price: '0.07' });
  exchange.cancel(cancelled);
  return DEMO_KEYS.map(({ email, scope }) => {
    const key = state.apiKeys.create(requireUid(state, email), 'HS256', scope);
    return { email, kid: key.kid, secret: key.secret };
  });
}
