import { useEffect } from 'react';
import { errorText } from '../../error-text';
import { useAccountsStore } from '../../store/accounts-store';
import { TotpSeedRow } from './TotpSeedRow';

/** Per account: whether the app makes the 2FA codes itself from a stored seed. */
export function TotpSeedsSection() {
  const { accounts, loadError, load } = useAccountsStore();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="totp-heading" className="settings-section">
      <h3 id="totp-heading">2FA seeds</h3>
      <p>With an account&apos;s 2FA seed stored, the app makes its 2FA codes itself: logging in and changing keys no longer ask you for one.</p>
      {loadError && (
        <p className="error" role="alert">
          {errorText(loadError)}
        </p>
      )}
      {accounts === null && !loadError && <p aria-busy="true">Loading the accounts…</p>}
      {accounts?.length === 0 && <p>No accounts yet: add one under Accounts first.</p>}
      {accounts && accounts.length > 0 && (
        <ul className="seed-list" aria-label="2FA seeds by account">
          {accounts.map((account) => (
            <TotpSeedRow account={account} key={account.id} />
          ))}
        </ul>
      )}
    </section>
  );
}
