import { randomUUID } from 'node:crypto';
import { formatAmount, multiply, parseAmount } from './decimal';
import { HttpFailure } from './http';

/**
 * A small Peatio held in memory: balances, resting limit orders and instant market orders. There
 * is no order book matching between users: a market order fills at once at the market's last
 * price, which is enough to show a trading session end to end.
 */

export interface Market {
  id: string;
  baseUnit: string;
  quoteUnit: string;
  lastPrice: bigint;
  minPrice: bigint;
  minAmount: bigint;
}

const amount = (text: string): bigint => parseAmount(text) ?? 0n;

export const MARKETS: readonly Market[] = [
  { id: 'btcusd', baseUnit: 'btc', quoteUnit: 'usd', lastPrice: amount('30000'), minPrice: amount('0.01'), minAmount: amount('0.0001') },
  { id: 'ethusd', baseUnit: 'eth', quoteUnit: 'usd', lastPrice: amount('2000'), minPrice: amount('0.01'), minAmount: amount('0.001') },
  { id: 'ethbtc', baseUnit: 'eth', quoteUnit: 'btc', lastPrice: amount('0.065'), minPrice: amount('0.000001'), minAmount: amount('0.001') },
];

export const CURRENCIES: readonly string[] = ['btc', 'eth', 'usd'];

/** Peatio's level rule: members below this level may not trade. */
const MIN_LEVEL_TO_TRADE = 1;

export type Side = 'buy' | 'sell';
export type OrderType = 'limit' | 'market';
export type OrderState = 'wait' | 'done' | 'cancel';

interface Balance {
  balance: bigint;
  locked: bigint;
}

export interface Order {
  id: number;
  uuid: string;
  uid: string;
  market: Market;
  side: Side;
  ordType: OrderType;
  price: bigint | null;
  originVolume: bigint;
  remainingVolume: bigint;
  /** Quote currency paid or received so far, for avg_price. */
  funds: bigint;
  state: OrderState;
  tradesCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Trade {
  id: number;
  uid: string;
  market: Market;
  price: bigint;
  amount: bigint;
  side: Side;
  orderId: number;
  createdAt: string;
}

export interface OrderInput {
  market: string | undefined;
  side: string | undefined;
  volume: string | undefined;
  ordType: string | undefined;
  price: string | undefined;
}

/** What the private stream tells a member: an order created or cancelled, or a trade made. */
export type ExchangeEvent = { kind: 'order'; order: Order } | { kind: 'trade'; trade: Trade };

export function findMarket(id: string | undefined): Market | undefined {
  return MARKETS.find((market) => market.id === id);
}

export function requireTradingLevel(level: number): void {
  if (level < MIN_LEVEL_TO_TRADE) throw new HttpFailure(403, 'market.trade.not_permitted');
}

export class Exchange {
  private readonly balances = new Map<string, Map<string, Balance>>();
  private readonly orders: Order[] = [];
  private readonly trades: Trade[] = [];
  private nextOrderId = 1;
  private nextTradeId = 1;
  private readonly now: () => number;
  private readonly listeners = new Set<(event: ExchangeEvent) => void>();

  constructor(now: () => number) {
    this.now = now;
  }

  /** Calls `listener` after each order is created or cancelled and each trade is made, for as long as the exchange lives. */
  onEvent(listener: (event: ExchangeEvent) => void): void {
    this.listeners.add(listener);
  }

  balancesOf(uid: string): Map<string, Balance> {
    let accounts = this.balances.get(uid);
    if (!accounts) {
      accounts = new Map(CURRENCIES.map((currency) => [currency, { balance: 0n, locked: 0n }]));
      this.balances.set(uid, accounts);
    }
    return accounts;
  }

  credit(uid: string, currency: string, units: bigint): void {
    this.account(uid, currency).balance += units;
  }

  placeOrder(uid: string, input: OrderInput): Order {
    const market = findMarket(input.market);
    if (!market) throw new HttpFailure(422, 'market.market.doesnt_exist');
    if (input.side !== 'buy' && input.side !== 'sell') throw new HttpFailure(422, 'market.order.invalid_side');
    const ordType = input.ordType ?? 'limit';
    if (ordType !== 'limit' && ordType !== 'market') throw new HttpFailure(422, 'market.order.invalid_type');
    const volume = parseAmount(input.volume);
    if (volume === undefined) throw new HttpFailure(422, 'market.order.non_decimal_volume');
    if (volume <= 0n) throw new HttpFailure(422, 'market.order.non_positive_volume');
    if (volume < market.minAmount) throw new HttpFailure(422, 'market.order.invalid_volume_or_price');
    const side: Side = input.side;
    if (ordType === 'market') {
      if (input.price !== undefined) throw new HttpFailure(422, 'market.order.market_order_price');
      return this.fillAtLastPrice(uid, market, side, volume);
    }
    const price = parseAmount(input.price);
    if (price === undefined) throw new HttpFailure(422, 'market.order.non_decimal_price');
    if (price <= 0n) throw new HttpFailure(422, 'market.order.non_positive_price');
    if (price < market.minPrice) throw new HttpFailure(422, 'market.order.invalid_volume_or_price');
    const [currency, locking] = side === 'buy' ? [market.quoteUnit, multiply(price, volume)] : [market.baseUnit, volume];
    const account = this.account(uid, currency);
    if (account.balance < locking) throw new HttpFailure(422, 'market.account.insufficient_balance');
    account.balance -= locking;
    account.locked += locking;
    return this.record({ uid, market, side, ordType: 'limit', price, originVolume: volume, remainingVolume: volume, funds: 0n, state: 'wait', tradesCount: 0 });
  }

  cancel(order: Order): void {
    if (order.state !== 'wait') throw new HttpFailure(422, 'market.order.cancel_error');
    const { market, side, price, remainingVolume } = order;
    const [currency, unlocking] = side === 'buy' ? [market.quoteUnit, multiply(price ?? 0n, remainingVolume)] : [market.baseUnit, remainingVolume];
    const account = this.account(order.uid, currency);
    account.locked -= unlocking;
    account.balance += unlocking;
    order.state = 'cancel';
    order.updatedAt = new Date(this.now()).toISOString();
    this.emit({ kind: 'order', order });
  }

  /** By numeric id or by uuid, as Peatio accepts both; another member's order is not found. */
  findOrder(uid: string, idOrUuid: string): Order | undefined {
    return this.orders.find((order) => order.uid === uid && (String(order.id) === idOrUuid || order.uuid === idOrUuid));
  }

  ordersOf(uid: string): Order[] {
    return this.orders.filter((order) => order.uid === uid);
  }

  tradesOf(uid: string): Trade[] {
    return this.trades.filter((trade) => trade.uid === uid);
  }

  private account(uid: string, currency: string): Balance {
    const accounts = this.balancesOf(uid);
    let account = accounts.get(currency);
    if (!account) {
      account = { balance: 0n, locked: 0n };
      accounts.set(currency, account);
    }
    return account;
  }

  private fillAtLastPrice(uid: string, market: Market, side: Side, volume: bigint): Order {
    const price = market.lastPrice;
    const total = multiply(price, volume);
    const [paid, paying, received, receiving] =
      side === 'buy' ? [market.quoteUnit, total, market.baseUnit, volume] : [market.baseUnit, volume, market.quoteUnit, total];
    const payer = this.account(uid, paid);
    if (payer.balance < paying) throw new HttpFailure(422, 'market.account.insufficient_balance');
    payer.balance -= paying;
    this.account(uid, received).balance += receiving;
    const order = this.record({
      uid,
      market,
      side,
      ordType: 'market',
      price: null,
      originVolume: volume,
      remainingVolume: 0n,
      funds: total,
      state: 'done',
      tradesCount: 1,
    });
    const trade: Trade = { id: this.nextTradeId++, uid, market, price, amount: volume, side, orderId: order.id, createdAt: order.createdAt };
    this.trades.push(trade);
    this.emit({ kind: 'trade', trade });
    return order;
  }

  private record(fields: Omit<Order, 'id' | 'uuid' | 'createdAt' | 'updatedAt'>): Order {
    const now = new Date(this.now()).toISOString();
    const order: Order = { ...fields, id: this.nextOrderId++, uuid: randomUUID(), createdAt: now, updatedAt: now };
    this.orders.push(order);
    this.emit({ kind: 'order', order });
    return order;
  }

  private emit(event: ExchangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export function presentBalance(currency: string, balance: Balance): Record<string, unknown> {
  return { currency, balance: formatAmount(balance.balance), locked: formatAmount(balance.locked) };
}

export function presentOrder(order: Order): Record<string, unknown> {
  const executed = order.originVolume - order.remainingVolume;
  const averagePrice = executed > 0n ? (order.funds * 100_000_000n) / executed : 0n;
  return {
    id: order.id,
    uuid: order.uuid,
    side: order.side,
    ord_type: order.ordType,
    price: order.price === null ? null : formatAmount(order.price),
    avg_price: formatAmount(averagePrice),
    state: order.state,
    market: order.market.id,
    market_type: 'spot',
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    origin_volume: formatAmount(order.originVolume),
    remaining_volume: formatAmount(order.remainingVolume),
    executed_volume: formatAmount(executed),
    maker_fee: '0.0',
    taker_fee: '0.0',
    trades_count: order.tradesCount,
  };
}

export function presentTrade(trade: Trade): Record<string, unknown> {
  return {
    id: trade.id,
    price: formatAmount(trade.price),
    amount: formatAmount(trade.amount),
    total: formatAmount(multiply(trade.price, trade.amount)),
    fee_currency: trade.side === 'buy' ? trade.market.baseUnit : trade.market.quoteUnit,
    fee: '0.0',
    fee_amount: '0.0',
    market: trade.market.id,
    market_type: 'spot',
    created_at: trade.createdAt,
    taker_type: trade.side,
    side: trade.side,
    order_id: trade.orderId,
  };
}

export function presentMarket(market: Market): Record<string, unknown> {
  return {
    id: market.id,
    symbol: market.id,
    name: `${market.baseUnit.toUpperCase()}/${market.quoteUnit.toUpperCase()}`,
    type: 'spot',
    base_unit: market.baseUnit,
    quote_unit: market.quoteUnit,
    min_price: formatAmount(market.minPrice),
    max_price: '0.0',
    min_amount: formatAmount(market.minAmount),
    amount_precision: 8,
    price_precision: 8,
    state: 'enabled',
  };
}
