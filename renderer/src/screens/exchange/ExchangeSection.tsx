import { useEffect, useId } from 'react';
import type { AccountSummary } from '../../store/accounts-store';
import { useExchangeStore } from '../../store/exchange-store';
import { api } from '../../window-api';
import { BalancesTable } from './BalancesTable';
import { ClockPanel } from './ClockPanel';
import { CodeWaitNote } from './CodeWaitNote';
import { KeysOnExchange } from './KeysOnExchange';
import { LoginForm } from './LoginForm';
import { SessionActions } from './SessionActions';
import { SessionStatus } from './SessionStatus';
import './exchange.css';

/** The account on the exchange: session, clock, balances, and the keys as the exchange sees them. */
export function ExchangeSection({ account }: { account: AccountSummary }) {
  const { open, reset, setCodeWait } = useExchangeStore();
  const loggedIn = useExchangeStore((state) => state.session?.status === 'logged_in');
  const id = useId();

  // The store follows this account while the section is shown; when it goes, the store keeps what
  // the exchange answered for the account (see reset) and follows no account.
  useEffect(() => {
    void open(account.id);
    const unsubscribe = api().exchange.onCodeWait((payload) => setCodeWait(payload.accountId, payload.purpose, payload.secondsLeft));
    return () => {
      unsubscribe();
      reset();
    };
  }, [account.id, open, reset, setCodeWait]);

  return (
    <section aria-labelledby={`${id}-heading`} className="exchange">
      <h3 id={`${id}-heading`} className="visually-hidden">
        Exchange
      </h3>
      <SessionStatus />
      <ClockPanel account={account} />
      <CodeWaitNote />
      {!loggedIn && <LoginForm account={account} key={account.id} />}
      <SessionActions />
      <BalancesTable />
      {loggedIn && <KeysOnExchange />}
    </section>
  );
}
