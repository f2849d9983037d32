import type { AccountSummary, ApiKey } from '../../store/accounts-store';
import { useViewStore } from '../../store/view-store';
import { SignerPanel } from './SignerPanel';

/** Signing with the account's keys; with none yet, the two ways to get one. */
export function SignTab({ account, keys }: { account: AccountSummary; keys: ApiKey[] | null }) {
  const showAccountTab = useViewStore((state) => state.showAccountTab);
  if (keys === null) return <p aria-busy="true">Loading the keys…</p>;
  if (keys.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="no-keys-heading">
        <h3 id="no-keys-heading">No keys for {account.name} yet</h3>
        <p className="note">Signing needs an API key of this account. Bring one in either way:</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => showAccountTab('keys')}>
            Import a key
          </button>
          <button type="button" onClick={() => showAccountTab('exchange')}>
            Create on the exchange
          </button>
        </div>
      </section>
    );
  }
  return <SignerPanel account={account} keys={keys} key={account.id} />;
}
