import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../app/domain/agent-policy';
import type { ApiKey, RemoteState } from '../../vault/records';
import { reconcileKeys } from './reconcile-keys';
import type { RemoteKey } from './remote-key';

const local = (kid: string, remoteState: RemoteState): ApiKey => ({
  id: `id-${kid}`,
  accountId: 'acc',
  kid,
  label: '',
  algorithm: 'HS256',
  scopes: [],
  remoteState,
  origin: 'created',
  createdAt: 1,
  lastUsedAt: null,
  policy: DEFAULT_POLICY,
});
const remote = (kid: string, state: string): RemoteKey => ({ kid, algorithm: 'HS256', scopes: [], state, createdAt: null, updatedAt: null });

describe("reconciling the vault's keys with the exchange's", () => {
  it('finds keys on the exchange only: their secret is unknown here', () => {
    expect(reconcileKeys([], [remote('a', 'active')]).secretUnknown).toEqual([remote('a', 'active')]);
  });

  it('marks keys in the vault only as deleted remotely, once', () => {
    const result = reconcileKeys([local('a', 'active'), local('b', 'deleted_remotely')], []);
    expect(result.onlyInVault.map((key) => key.kid)).toEqual(['a', 'b']);
    expect(result.stateChanges).toEqual([{ keyId: 'id-a', kid: 'a', from: 'active', to: 'deleted_remotely' }]);
  });

  it("takes the exchange's state, mapping states other than active and disabled to inactive", () => {
    const result = reconcileKeys(
      [local('a', 'active'), local('b', 'active'), local('c', 'unknown'), local('d', 'deleted_remotely'), local('e', 'disabled')],
      [remote('a', 'disabled'), remote('b', 'inactive'), remote('c', 'active'), remote('d', 'active'), remote('e', 'disabled')],
    );
    expect(result.stateChanges.map(({ kid, from, to }) => `${kid}: ${from} -> ${to}`)).toEqual([
      'a: active -> disabled',
      'b: active -> inactive',
      'c: unknown -> active',
      'd: deleted_remotely -> active',
    ]);
    expect(result.inSync.map((key) => key.kid)).toEqual(['e']);
    expect(result.secretUnknown).toEqual([]);
    expect(result.onlyInVault).toEqual([]);
  });
});
