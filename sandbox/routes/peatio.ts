import { peatioPaths } from '../../app/barong/paths';
import type { Order } from '../exchange';
import { CURRENCIES, findMarket, MARKETS, presentBalance, presentMarket, presentOrder, presentTrade, requireTradingLevel } from '../exchange';
import { HttpFailure, integerParam, json, paginate, textParam } from '../http';
import type { Call, Route } from '../router';
import { requireUser } from '../users';

/** Orders and trades are sent newest first unless `order_by=asc`. */
function ordering(params: Record<string, unknown>, code: string): 'asc' | 'desc' {
  const value = textParam(params, 'order_by') ?? 'desc';
  if (value !== 'asc' && value !== 'desc') throw new HttpFailure(422, code);
  return value;
}

function pageHeaders(page: number, limit: number, total?: number): Record<string, string> {
  return { ...(total === undefined ? {} : { Total: String(total) }), Page: String(page), 'Per-Page': String(limit) };
}

function balances({ request, state, user }: Call) {
  const owner = requireUser(user);
  const page = integerParam(request.params, 'page', 1, 1, Number.MAX_SAFE_INTEGER, 'account.balance.non_positive_page');
  const limit = integerParam(request.params, 'limit', 100, 1, 1000, 'account.balance.invalid_limit');
  const nonzero = textParam(request.params, 'nonzero') === 'true';
  const all = [...state.exchange.balancesOf(owner.uid)]
    .filter(([, balance]) => !nonzero || balance.balance > 0n || balance.locked > 0n)
    .map(([currency, balance]) => presentBalance(currency, balance));
  return json(200, paginate(all, page, limit), pageHeaders(page, limit, all.length));
}

function balance({ state, user, pathParams }: Call) {
  const currency = pathParams.currency ?? '';
  const account = state.exchange.balancesOf(requireUser(user).uid).get(currency);
  if (!CURRENCIES.includes(currency) || !account) throw new HttpFailure(422, 'account.currency.doesnt_exist');
  return json(200, presentBalance(currency, account));
}

function listOrders({ request, state, user }: Call) {
  const params = request.params;
  const page = integerParam(params, 'page', 1, 1, Number.MAX_SAFE_INTEGER, 'market.order.non_positive_page');
  const limit = integerParam(params, 'limit', 100, 0, 1000, 'market.order.invalid_limit');
  const direction = ordering(params, 'market.order.invalid_order_by');
  const market = textParam(params, 'market');
  const orderState = textParam(params, 'state');
  const side = textParam(params, 'type');
  const orders = state.exchange
    .ordersOf(requireUser(user).uid)
    .filter(
      (order) =>
        (market === undefined || order.market.id === market) &&
        (orderState === undefined || order.state === orderState) &&
        (side === undefined || order.side === side),
    );
  if (direction === 'desc') orders.reverse();
  // Peatio treats limit 0 as "no limit" here.
  const shown = limit === 0 ? orders : paginate(orders, page, limit);
  return json(200, shown.map(presentOrder), pageHeaders(page, limit));
}

function placeOrder({ request, state, user }: Call) {
  const owner = requireUser(user);
  requireTradingLevel(owner.level);
  const params = request.params;
  const order = state.exchange.placeOrder(owner.uid, {
    market: textParam(params, 'market'),
    side: textParam(params, 'side'),
    volume: textParam(params, 'volume'),
    ordType: textParam(params, 'ord_type'),
    price: textParam(params, 'price'),
  });
  return json(201, presentOrder(order));
}

function ownedOrder({ state, user, pathParams }: Call): Order {
  const order = state.exchange.findOrder(requireUser(user).uid, pathParams.id ?? '');
  if (!order) throw new HttpFailure(404, 'record.not_found');
  return order;
}

function cancelOrder(call: Call) {
  requireTradingLevel(requireUser(call.user).level);
  const order = ownedOrder(call);
  call.state.exchange.cancel(order);
  return json(201, presentOrder(order));
}

function cancelAll({ request, state, user }: Call) {
  const owner = requireUser(user);
  requireTradingLevel(owner.level);
  const market = textParam(request.params, 'market');
  if (market !== undefined && !findMarket(market)) throw new HttpFailure(422, 'market.market.doesnt_exist');
  const side = textParam(request.params, 'side');
  if (side !== undefined && side !== 'buy' && side !== 'sell') throw new HttpFailure(422, 'market.order.invalid_side');
  const cancelled = state.exchange
    .ordersOf(owner.uid)
    .filter((order) => order.state === 'wait' && (market === undefined || order.market.id === market) && (side === undefined || order.side === side));
  for (const order of cancelled) state.exchange.cancel(order);
  return json(201, cancelled.map(presentOrder));
}

function trades({ request, state, user }: Call) {
  const params = request.params;
  const page = integerParam(params, 'page', 1, 1, Number.MAX_SAFE_INTEGER, 'market.trade.non_positive_page');
  const limit = integerParam(params, 'limit', 100, 1, 1000, 'market.trade.invalid_limit');
  const direction = ordering(params, 'market.trade.invalid_order_by');
  const market = textParam(params, 'market');
  const from = integerParam(params, 'time_from', 0, 0, Number.MAX_SAFE_INTEGER, 'market.trade.invalid_time_from');
  const to = integerParam(params, 'time_to', Number.MAX_SAFE_INTEGER, 0, Number.MAX_SAFE_INTEGER, 'market.trade.invalid_time_to');
  const found = state.exchange.tradesOf(requireUser(user).uid).filter((trade) => {
    const seconds = Date.parse(trade.createdAt) / 1000;
    return (market === undefined || trade.market.id === market) && seconds >= from && seconds <= to;
  });
  if (direction === 'desc') found.reverse();
  return json(200, paginate(found, page, limit).map(presentTrade), pageHeaders(page, limit));
}

export const peatioRoutes: readonly Route[] = [
  { method: 'GET', path: peatioPaths.balances, handle: balances },
  { method: 'GET', path: `${peatioPaths.balances}/:currency`, handle: balance },
  { method: 'GET', path: peatioPaths.orders, handle: listOrders },
  { method: 'POST', path: peatioPaths.orders, handle: placeOrder },
  { method: 'POST', path: peatioPaths.ordersCancelAll, handle: cancelAll },
  { method: 'GET', path: `${peatioPaths.orders}/:id`, handle: (call) => json(200, presentOrder(ownedOrder(call))) },
  { method: 'POST', path: `${peatioPaths.orders}/:id/cancel`, handle: cancelOrder },
  { method: 'GET', path: peatioPaths.trades, handle: trades },
  { method: 'GET', path: peatioPaths.markets, handle: () => json(200, MARKETS.map(presentMarket)) },
  { method: 'GET', path: peatioPaths.timestamp, handle: ({ state }) => json(200, new Date(state.now()).toISOString()) },
];
