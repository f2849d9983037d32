import { useState } from 'react';
import { errorText } from '../../error-text';
import { keysWord } from '../../keys-word';
import { useAccountsStore } from '../../store/accounts-store';
import type { AccountSummary } from '../../store/accounts-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { AccountForm } from '../AccountForm';

/** The account's fields, Edit, and Remove after a question that says what goes with it. */
export function AccountDetails({ account }: { account: AccountSummary }) {
  const { update, remove } = useAccountsStore();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState('');

  const confirmRemove = async () => {
    setRemoving(true);
    const failure = await remove(account.id);
    setRemoving(false);
    setConfirming(false);
    if (failure) setError(errorText(failure));
  };

  if (editing) {
    return (
      <AccountForm
        account={account}
        submitLabel="Save account"
        onSubmit={async (fields, owner) => {
          const failure = await update({ accountId: account.id, fields, ...owner });
          if (!failure) setEditing(false);
          return failure;
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }

  return (
    <>
      <dl className="details">
        <dt>Base URL</dt>
        <dd className="mono">{account.baseUrl}</dd>
        <dt>Nonce lifetime</dt>
        <dd>{account.nonceLifetimeMs} ms</dd>
        <dt>Login email</dt>
        <dd>{account.loginEmail ?? 'none'}</dd>
        <dt>Keys</dt>
        <dd>{keysWord(account.keys.length)}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => setEditing(true)}>
          Edit account
        </button>
        <button type="button" className="destructive-quiet" onClick={() => setConfirming(true)}>
          Remove account
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Remove ${account.name}?`}
          confirmLabel={`Yes, remove ${account.name}`}
          cancelLabel="Keep the account"
          busy={removing}
          onConfirm={() => void confirmRemove()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Remove {account.name} and the {keysWord(account.keys.length)} that go with it from this vault? Their secrets, the stored 2FA seed and the saved
            requests go too; the keys stay on the exchange.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
