import type { ApiKey, RemoteState } from '../../vault/records';
import { remoteStateOf } from './remote-key';
import type { RemoteKey } from './remote-key';

export interface StateChange {
  keyId: string;
  kid: string;
  from: RemoteState;
  to: RemoteState;
}

export interface KeyReconciliation {
  /** On the exchange only: created elsewhere (or by an interrupted creation), so its secret is unknown here. */
  secretUnknown: RemoteKey[];
  /** In the vault only: deleted on the exchange, or the key of another exchange. */
  onlyInVault: ApiKey[];
  /** Vault states to bring in line with the exchange; a key only in the vault becomes `deleted_remotely`. */
  stateChanges: StateChange[];
  /** Keys on both sides with the same state. */
  inSync: ApiKey[];
}

/** Compares the vault's keys of one account with the exchange's list of that account's keys. */
export function reconcileKeys(vaultKeys: readonly ApiKey[], exchangeKeys: readonly RemoteKey[]): KeyReconciliation {
  const remoteByKid = new Map(exchangeKeys.map((key) => [key.kid, key]));
  const vaultKids = new Set(vaultKeys.map((key) => key.kid));
  const result: KeyReconciliation = {
    secretUnknown: exchangeKeys.filter((key) => !vaultKids.has(key.kid)),
    onlyInVault: [],
    stateChanges: [],
    inSync: [],
  };
  for (const key of vaultKeys) {
    const remote = remoteByKid.get(key.kid);
    if (!remote) result.onlyInVault.push(key);
    const to = remote ? remoteStateOf(remote.state) : 'deleted_remotely';
    if (to !== key.remoteState) result.stateChanges.push({ keyId: key.id, kid: key.kid, from: key.remoteState, to });
    else if (remote) result.inSync.push(key);
  }
  return result;
}
