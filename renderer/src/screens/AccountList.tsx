import { memo } from 'react';
import type { AccountSummary } from '../store/accounts-store';

const keysWord = (count: number) => `${count} ${count === 1 ? 'key' : 'keys'}`;

interface AccountListProps {
  accounts: AccountSummary[];
  onOpen(accountId: string): void;
}

/**
 * The rows of the accounts list. Memoised because each keystroke in the search box renders the
 * view before the search answers: with hundreds of accounts, rendering the unchanged rows again
 * then would delay the typed character and the filtered list both.
 */
export const AccountList = memo(function AccountList({ accounts, onOpen }: AccountListProps) {
  return (
    <ul className="account-list" aria-label="Accounts">
      {accounts.map((account) => (
        <li key={account.id}>
          <button type="button" className="link" onClick={() => onOpen(account.id)}>
            {account.name}
          </button>{' '}
          <span className="note">
            {account.baseUrl} · {keysWord(account.keyCount)}
          </span>
        </li>
      ))}
    </ul>
  );
});
