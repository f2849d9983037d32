import type { JsonValue } from '../../../../app/commands/request';

interface ActionRequest {
  method: string;
  path: string;
  body?: JsonValue | undefined;
}

// Quote currencies a Peatio market id ends with, longest first, to say "0.01 BTC" for btcusdt.
const QUOTES = ['usdt', 'usdc', 'busd', 'usd', 'eur', 'gbp', 'uah', 'rub', 'try', 'btc', 'eth', 'trst'];

const field = (body: JsonValue | undefined, name: string): string | undefined => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const value = body[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};

function baseCurrency(market: string): string {
  const lower = market.toLowerCase();
  const quote = QUOTES.find((candidate) => lower.endsWith(candidate) && lower.length > candidate.length);
  return (quote ? lower.slice(0, -quote.length) : lower).toUpperCase();
}

/**
 * What a state-changing request will do, in words, for the question before Send: "Place a limit
 * buy of 0.01 BTC at 9000 on Sandbox?". Requests it does not know are named by method and path.
 */
export function actionQuestion({ method, path, body }: ActionRequest, accountName: string): string {
  const on = `on ${accountName}`;
  const route = path.replace(/^\/api\/v2\/peatio/, '');
  if (method === 'POST' && route === '/market/orders') {
    const market = field(body, 'market');
    const side = field(body, 'side') ?? 'order';
    const volume = field(body, 'volume');
    const type = field(body, 'ord_type') ?? 'limit';
    const price = field(body, 'price');
    const amount = volume && market ? ` of ${volume} ${baseCurrency(market)}` : '';
    return `Place a ${type} ${side}${amount}${price && type !== 'market' ? ` at ${price}` : ''} ${on}?`;
  }
  const cancelOne = /^\/market\/orders\/([^/]+)\/cancel$/.exec(route);
  if (method === 'POST' && cancelOne) return `Cancel order ${decodeURIComponent(cancelOne[1] ?? '')} ${on}?`;
  if (method === 'POST' && route === '/market/orders/cancel') {
    const market = field(body, 'market');
    return `Cancel all open orders${market ? ` in ${market.toUpperCase()}` : ''} ${on}?`;
  }
  if (method === 'POST' && route === '/account/withdraws') {
    const amount = field(body, 'amount');
    const currency = field(body, 'currency');
    return `Withdraw${amount ? ` ${amount}` : ''}${currency ? ` ${currency.toUpperCase()}` : ''} from ${accountName}?`;
  }
  return `Send ${method} ${path} to ${accountName}?`;
}
