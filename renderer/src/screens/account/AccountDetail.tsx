import { useEffect } from 'react';
import { useAccountsStore } from '../../store/accounts-store';
import type { AccountSummary } from '../../store/accounts-store';
import { useAgentStore } from '../../store/agent-store';
import { useViewStore } from '../../store/view-store';
import type { AccountTab } from '../../store/view-store';
import { panelId, tabId, Tabs } from '../../ui/Tabs';
import { ExchangeSection } from '../exchange/ExchangeSection';
import { KeysTab } from '../keys/KeysTab';
import { SignTab } from '../sign/SignTab';
import { hostOf } from '../../host-of';
import { AccountDetails } from './AccountDetails';

const TABS: ReadonlyArray<{ id: AccountTab; label: string }> = [
  { id: 'sign', label: 'Sign' },
  { id: 'keys', label: 'Keys' },
  { id: 'exchange', label: 'Exchange' },
  { id: 'details', label: 'Details' },
];
const PREFIX = 'account';

/** One account: a header that says where requests go, then its tabs, Sign first. */
export function AccountDetail({ account }: { account: AccountSummary }) {
  const keys = useAccountsStore((state) => state.keys);
  const { accountTab, showAccountTab } = useViewStore();
  useEffect(() => {
    void useAgentStore.getState().load();
  }, []);

  return (
    <section aria-labelledby="account-heading" className="account-detail">
      <header className="account-head">
        <span className="account-dot large" style={account.color ? { background: account.color } : undefined} aria-hidden="true" />
        <h2 id="account-heading">{account.name}</h2>
        <span className="note mono">{hostOf(account.baseUrl)}</span>
      </header>
      <Tabs label={`${account.name}`} prefix={PREFIX} tabs={TABS} selected={accountTab} onSelect={showAccountTab} />
      <div role="tabpanel" id={panelId(PREFIX, accountTab)} aria-labelledby={tabId(PREFIX, accountTab)} className="tab-panel">
        {accountTab === 'sign' && <SignTab account={account} keys={keys} />}
        {accountTab === 'keys' && <KeysTab account={account} keys={keys} />}
        {accountTab === 'exchange' && <ExchangeSection account={account} />}
        {accountTab === 'details' && <AccountDetails account={account} />}
      </div>
    </section>
  );
}
