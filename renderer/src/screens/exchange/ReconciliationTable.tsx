import { useAccountsStore } from '../../store/accounts-store';
import type { Reconciliation } from '../../store/exchange-store';
import { useExchangeStore } from '../../store/exchange-store';
import { KeyTestResult, TestKeyButton } from './KeyTest';

/** Enable or Disable by the key's state on the exchange, and Delete; each may then ask for a 2FA code. */
function RemoteKeyActions({ keyId, kid, remoteState }: { keyId: string; kid: string; remoteState: string }) {
  const { busy, runKeyAction } = useExchangeStore();
  const toggle = remoteState === 'active' ? 'disable' : 'enable';
  return (
    <>
      <button
        type="button"
        aria-label={`${toggle === 'disable' ? 'Disable' : 'Enable'} key ${kid}`}
        disabled={busy !== null}
        onClick={() => void runKeyAction({ kind: toggle, keyId, kid })}
      >
        {toggle === 'disable' ? 'Disable' : 'Enable'}
      </button>
      <button type="button" aria-label={`Delete key ${kid}`} disabled={busy !== null} onClick={() => void runKeyAction({ kind: 'delete', keyId, kid })}>
        Delete
      </button>
    </>
  );
}

/** The exchange's keys against the vault's: on both sides, on the exchange only, in the vault only. */
export function ReconciliationTable({ reconciliation: rec }: { reconciliation: Reconciliation }) {
  const vaultKeys = useAccountsStore((accounts) => accounts.keys);
  const unfinishedCreations = useExchangeStore((state) => state.pending.length > 0);
  // A key whose state this listing brought in line (imported with its state unknown, or disabled on
  // the exchange's site) is on both sides too: it keeps its row and its actions.
  const brought = rec.stateChanges.flatMap((change) => {
    const key = change.to === 'deleted_remotely' ? undefined : vaultKeys?.find((vaultKey) => vaultKey.id === change.keyId);
    return key ? [{ ...key, remoteState: change.to }] : [];
  });
  const onBothSides = [...rec.inSync, ...brought];
  return (
    <table aria-label="Keys on the exchange">
      <thead>
        <tr>
          <th scope="col">Kid</th>
          <th scope="col">Scopes</th>
          <th scope="col">Reconciliation</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {onBothSides.map((key) => (
          <tr key={key.id}>
            <td className="mono">{key.kid}</td>
            <td>{key.scopes.join(', ')}</td>
            <td>In vault and in sync ({key.remoteState})</td>
            <td>
              <div className="actions">
                <TestKeyButton keyId={key.id} kid={key.kid} />
                <RemoteKeyActions keyId={key.id} kid={key.kid} remoteState={key.remoteState} />
              </div>
              <KeyTestResult keyId={key.id} />
            </td>
          </tr>
        ))}
        {rec.onlyOnExchange.map((key) => (
          <tr key={`remote-${key.kid}`}>
            <td className="mono">{key.kid}</td>
            <td>{key.scopes.join(', ')}</td>
            <td>
              Only on the exchange ({key.state}): secret unknown, created elsewhere
              {/* The exchange cannot say which key an interrupted creation made: this may be it. */}
              {unfinishedCreations && ' or by an unfinished creation'}
            </td>
            <td />
          </tr>
        ))}
        {rec.onlyInVault.map((key) => (
          <tr key={key.id}>
            <td className="mono">{key.kid}</td>
            <td>{key.scopes.join(', ')}</td>
            <td>Only in the vault: deleted remotely</td>
            <td>
              <TestKeyButton keyId={key.id} kid={key.kid} />
              <KeyTestResult keyId={key.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
