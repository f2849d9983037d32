import { useState } from 'react';
import { useAccountsStore } from '../../store/accounts-store';
import type { Reconciliation } from '../../store/exchange-store';
import { useExchangeStore } from '../../store/exchange-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { KeyTestResult, TestKeyButton } from './KeyTest';

/** The host of the open account's exchange, as the trader names it ("exchange.example"). */
function useExchangeHost(): string {
  const baseUrl = useAccountsStore((state) => state.accounts?.find((account) => account.id === state.selectedId)?.baseUrl);
  if (!baseUrl) return 'the exchange';
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * Enable or Disable by the key's state on the exchange, and Delete; each may then ask for a 2FA
 * code. Disable and Delete ask first, in words that say what stops working.
 */
function RemoteKeyActions({ keyId, kid, remoteState }: { keyId: string; kid: string; remoteState: string }) {
  const { busy, runKeyAction } = useExchangeStore();
  const host = useExchangeHost();
  const [asking, setAsking] = useState<'disable' | 'delete' | null>(null);
  const toggle = remoteState === 'active' ? 'disable' : 'enable';
  const run = (kind: 'enable' | 'disable' | 'delete') => {
    setAsking(null);
    void runKeyAction({ kind, keyId, kid });
  };
  return (
    <>
      <button
        type="button"
        className={toggle === 'disable' ? 'destructive-quiet' : undefined}
        aria-label={`${toggle === 'disable' ? 'Disable' : 'Enable'} key ${kid}`}
        disabled={busy !== null}
        onClick={() => (toggle === 'disable' ? setAsking('disable') : run('enable'))}
      >
        {toggle === 'disable' ? 'Disable…' : 'Enable'}
      </button>
      <button type="button" className="destructive-quiet" aria-label={`Delete key ${kid}`} disabled={busy !== null} onClick={() => setAsking('delete')}>
        Delete…
      </button>
      {asking === 'disable' && (
        <ConfirmDialog title={`Disable ${kid} on ${host}?`} confirmLabel="Disable key" onConfirm={() => run('disable')} onCancel={() => setAsking(null)}>
          <p>Programs and bots using it are refused by the exchange at once, until the key is enabled again.</p>
        </ConfirmDialog>
      )}
      {asking === 'delete' && (
        <ConfirmDialog title={`Delete ${kid} on ${host}?`} confirmLabel="Delete key" onConfirm={() => run('delete')} onCancel={() => setAsking(null)}>
          <p>Programs and bots using it stop working at once; this cannot be undone. Its secret leaves this vault too.</p>
        </ConfirmDialog>
      )}
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
