import { memo } from 'react';
import type { AccountSummary } from '../store/accounts-store';

const keysWord = (count: number) => `${count} ${count === 1 ? 'key' : 'keys'}`;

interface AccountListProps {
  accounts: AccountSummary[];
  onOpen(accountId: string): void;
}

/**
 * One row, memoised: each keystroke in the search box renders the list again, and with hundreds
 * of accounts, rendering the rows that stay would take the frame the filtered list must fit in.
 */
const AccountRow = memo(function AccountRow({ account, onOpen }: { account: AccountSummary; onOpen(accountId: string): void }) {
  return (
    <li>
      <button type="button" className="link" onClick={() => onOpen(account.id)}>
        {account.name}
      </button>{' '}
      <span className="note">
        {account.baseUrl} · {keysWord(account.keys.length)}
      </span>
    </li>
  );
});

/** The rows of the accounts list. */
export function AccountList({ accounts, onOpen }: AccountListProps) {
  return (
    <ul className="account-list" aria-label="Accounts">
      {accounts.map((account) => (
        <AccountRow key={account.id} account={account} onOpen={onOpen} />
      ))}
    </ul>
  );
}
