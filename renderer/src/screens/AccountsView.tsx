import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../error-text';
import { useAccountsStore } from '../store/accounts-store';
import { useViewStore } from '../store/view-store';
import { AccountDetail } from './AccountDetail';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';

/** The accounts: a searchable list, Add account, and one account's detail when selected. */
export function AccountsView() {
  const { accounts, loadError, query, shown, selectedId, load, search, select, create } = useAccountsStore();
  const [adding, setAdding] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
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

  // Cmd/Ctrl+K (see UnlockedScreen): back to the list, with the focus in its search box, whether
  // this view was showing already or has just been mounted for it.
  const { searchFocusOwed, searchFocused } = useViewStore();
  useEffect(() => {
    if (!searchFocusOwed) return;
    searchFocused();
    void select(null);
    setAdding(false);
    // The list (and its search box) may only appear after this render.
    requestAnimationFrame(() => searchRef.current?.focus());
  }, [searchFocusOwed, searchFocused, select]);

  const open = useCallback((accountId: string) => void select(accountId), [select]);

  const selected = accounts?.find((account) => account.id === selectedId);
  if (selected) return <AccountDetail account={selected} />;

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      <div className="field">
        <label htmlFor="account-search">Search accounts and keys</label>
        <input
          id="account-search"
          ref={searchRef}
          type="search"
          value={query}
          onChange={(event) => search(event.target.value)}
          aria-keyshortcuts="Control+K Meta+K"
        />
      </div>
      {loadError && (
        <p className="error" role="alert">
          {errorText(loadError)}
        </p>
      )}
      {accounts === null && !loadError && <p aria-busy="true">Loading the accounts…</p>}
      {accounts?.length === 0 && <p>No accounts yet.</p>}
      {accounts && accounts.length > 0 && shown?.length === 0 && <p>No account matches “{query}”.</p>}
      {shown && shown.length > 0 && <AccountList accounts={shown} onOpen={open} />}
      {adding ? (
        <section aria-labelledby="add-heading">
          <h3 id="add-heading">Add an account</h3>
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
      ) : (
        <button type="button" ref={addRef} onClick={() => setAdding(true)}>
          Add account
        </button>
      )}
    </section>
  );
}
