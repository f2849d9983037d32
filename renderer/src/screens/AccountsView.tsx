import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../error-text';
import { useAccountsStore } from '../store/accounts-store';
import { AccountDetail } from './account/AccountDetail';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
import { FirstSteps } from './account/FirstSteps';

/**
 * The desk: the accounts on the left (searchable, the chosen one marked), and on the right the
 * chosen account, or the form that adds one, or the first steps when there is none.
 */
export function AccountsView() {
  const { accounts, loadError, query, shown, selectedId, load, search, select, create } = useAccountsStore();
  const [adding, setAdding] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);

  // Closing the form (added or cancelled) gives the focus back to the button that opened it.
  useEffect(() => {
    if (wasAdding.current && !adding) addRef.current?.focus();
    wasAdding.current = adding;
  }, [adding]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = useCallback(
    (accountId: string) => {
      setAdding(false);
      void select(accountId);
    },
    [select],
  );

  const selected = accounts?.find((account) => account.id === selectedId);
  const startAdding = () => {
    void select(null);
    setAdding(true);
  };

  return (
    <div className="panes">
      <section aria-labelledby="accounts-heading" className="sidebar">
        <div className="sidebar-head">
          <h2 id="accounts-heading">Accounts</h2>
          <button type="button" ref={addRef} onClick={startAdding} aria-expanded={adding}>
            Add account
          </button>
        </div>
        <label htmlFor="account-search" className="visually-hidden">
          Search accounts and keys
        </label>
        <input id="account-search" type="search" placeholder="Filter by name, label or kid" value={query} onChange={(event) => search(event.target.value)} />
        {loadError && (
          <p className="error" role="alert">
            {errorText(loadError)}
          </p>
        )}
        {accounts === null && !loadError && <p aria-busy="true">Loading the accounts…</p>}
        {accounts?.length === 0 && <p className="note">No accounts yet.</p>}
        {accounts && accounts.length > 0 && shown?.length === 0 && <p className="note">No account matches “{query}”.</p>}
        {shown && shown.length > 0 && <AccountList accounts={shown} selectedId={selectedId} onOpen={open} />}
      </section>
      <div className="pane">
        {adding ? (
          <section aria-labelledby="add-heading" className="card">
            <h2 id="add-heading">Add an account</h2>
            <AccountForm
              submitLabel="Add account"
              onSubmit={async (fields) => {
                const failure = await create(fields);
                if (!failure) setAdding(false);
                return failure;
              }}
              onCancel={() => setAdding(false)}
            />
          </section>
        ) : selected ? (
          <AccountDetail account={selected} key={selected.id} />
        ) : (
          accounts !== null && <FirstSteps hasAccounts={accounts.length > 0} onAdd={startAdding} />
        )}
      </div>
    </div>
  );
}
