import { memo } from 'react';
import type { AccountSummary } from '../store/accounts-store';
import { Badge } from '../ui/Badge';
import { hostOf } from '../host-of';
import { keysWord } from '../keys-word';

const SESSION_BADGES = {
  logged_in: { tone: 'success', words: 'Logged in' },
  expired: { tone: 'warning', words: 'Session expired' },
} as const;

interface AccountListProps {
  accounts: AccountSummary[];
  selectedId: string | null;
  onOpen(accountId: string): void;
}

/**
 * One row, memoised: each keystroke in the search box renders the list again, and with hundreds
 * of accounts, rendering the rows that stay would take the frame the filtered list must fit in.
 */
const AccountRow = memo(function AccountRow({ account, selected, onOpen }: { account: AccountSummary; selected: boolean; onOpen(accountId: string): void }) {
  const session = account.session === 'logged_out' ? null : SESSION_BADGES[account.session];
  return (
    <li className="account-row" aria-current={selected ? 'true' : undefined}>
      <span className="account-dot" style={account.color ? { background: account.color } : undefined} aria-hidden="true" />
      <button
        type="button"
        className="account-name"
        aria-describedby={session ? `account-${account.id}-meta account-${account.id}-session` : `account-${account.id}-meta`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(account.id)}
      >
        {account.name}
      </button>
      <span className="account-meta" id={`account-${account.id}-meta`}>
        {hostOf(account.baseUrl)} · {keysWord(account.keys.length)}
      </span>
      {session && (
        <span className="account-session" id={`account-${account.id}-session`}>
          <Badge tone={session.tone}>{session.words}</Badge>
        </span>
      )}
    </li>
  );
});

/** The rows of the accounts list, the chosen one marked. */
export function AccountList({ accounts, selectedId, onOpen }: AccountListProps) {
  return (
    <ul className="account-list" aria-label="Accounts">
      {accounts.map((account) => (
        <AccountRow key={account.id} account={account} selected={account.id === selectedId} onOpen={onOpen} />
      ))}
    </ul>
  );
}
