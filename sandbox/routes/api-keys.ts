import { barongPaths } from '../../app/barong/paths';
import type { ApiKeyRecord } from '../api-key-store';
import { parseScope, presentApiKey, presentCreatedApiKey } from '../api-key-store';
import { HttpFailure, integerParam, json, paginate, presentParam, textParam } from '../http';
import type { Call, Route } from '../router';
import { requireFreshTotp } from '../second-factor';
import { requireUser } from '../users';

const MAX_LIMIT = 100;
const KEY_STATES = new Set(['active', 'disabled']);

const ORDER_BY: Record<string, (left: ApiKeyRecord, right: ApiKeyRecord) => number> = {
  id: (left, right) => left.sequence - right.sequence,
  created_at: (left, right) => left.sequence - right.sequence,
  updated_at: (left, right) => left.updatedAt.localeCompare(right.updatedAt) || left.sequence - right.sequence,
};

function list({ request, state, user }: Call) {
  const owner = requireUser(user);
  const page = integerParam(request.params, 'page', 1, 1, Number.MAX_SAFE_INTEGER, 'resource.api_key.invalid_page');
  const limit = integerParam(request.params, 'limit', MAX_LIMIT, 1, MAX_LIMIT, 'resource.api_key.invalid_limit');
  const ordering = textParam(request.params, 'ordering') ?? 'asc';
  if (ordering !== 'asc' && ordering !== 'desc') throw new HttpFailure(422, 'resource.api_key.invalid_ordering');
  const compare = ORDER_BY[textParam(request.params, 'order_by') ?? 'id'];
  if (!compare) throw new HttpFailure(422, 'resource.api_key.invalid_order_by');
  const keys = state.apiKeys.ownedBy(owner.uid).sort(compare);
  if (ordering === 'desc') keys.reverse();
  return json(200, paginate(keys, page, limit).map(presentApiKey), {
    Total: String(keys.length),
    Page: String(page),
    'Per-Page': String(limit),
  });
}

function create({ request, state, user }: Call) {
  const owner = requireUser(user);
  requireFreshTotp(owner, request.params, state.now());
  const algorithm = presentParam(request.params, 'algorithm');
  if (algorithm === undefined) throw new HttpFailure(422, 'resource.api_key.missing_algorithm');
  // Barong's model validations: kid generation is skipped for an unknown algorithm, hence both.
  if (algorithm !== 'HS256') throw new HttpFailure(422, 'kid.blank', 'algorithm.inclusion');
  // Barong answers an owner who is not active with a 422; the code name is the sandbox's choice.
  if (owner.state !== 'active') throw new HttpFailure(422, 'resource.api_key.user_not_active');
  const key = state.apiKeys.create(owner.uid, algorithm, parseScope(textParam(request.params, 'scope')));
  return json(201, presentCreatedApiKey(key, state.config.secretShape));
}

function ownedKey({ state, user, pathParams }: Call): ApiKeyRecord {
  const key = state.apiKeys.findOwned(requireUser(user).uid, pathParams.kid ?? '');
  if (!key) throw new HttpFailure(404, 'record.not_found');
  return key;
}

function update(call: Call) {
  const { request } = call;
  requireFreshTotp(requireUser(call.user), request.params, call.state.now());
  const key = ownedKey(call);
  const newState = textParam(request.params, 'state');
  if (newState !== undefined && !KEY_STATES.has(newState)) throw new HttpFailure(422, 'resource.api_key.invalid_state');
  if (newState !== undefined) key.state = newState;
  // Faithful to Barong: the update takes `scope` as sent, so leaving it out wipes the scopes.
  key.scope = parseScope(textParam(request.params, 'scope'));
  key.updatedAt = new Date(call.state.now()).toISOString();
  return json(200, presentApiKey(key));
}

function remove(call: Call) {
  requireFreshTotp(requireUser(call.user), call.request.params, call.state.now());
  call.state.apiKeys.delete(ownedKey(call).kid);
  return { status: 204 };
}

export const apiKeyRoutes: readonly Route[] = [
  { method: 'GET', path: barongPaths.apiKeys, handle: list },
  { method: 'POST', path: barongPaths.apiKeys, handle: create },
  { method: 'PATCH', path: `${barongPaths.apiKeys}/:kid`, handle: update },
  { method: 'DELETE', path: `${barongPaths.apiKeys}/:kid`, handle: remove },
];
