import { useEffect, useId, useState } from 'react';
import { errorText } from '../error-text';
import { useAccountsStore } from '../store/accounts-store';
import { useAuditLog } from '../store/audit-log';
import { actionWords, actionsIn, filterEntries, outcomeText, requestLine } from './audit-filter';
import type { AuditFilter } from './audit-filter';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** What was signed, copied, sent, revealed and changed, newest first; never a secret or a signature. */
export function AuditView() {
  const { entries, hasOlder, loading, error, loadOlder } = useAuditLog();
  const { accounts, load: loadAccounts } = useAccountsStore();
  const [filter, setFilter] = useState<AuditFilter>({ text: '', action: '' });
  const id = useId();

  useEffect(() => {
    if (accounts === null) void loadAccounts();
  }, [accounts, loadAccounts]);

  const accountName = (accountId: string | null) => {
    if (accountId === null) return '';
    return accounts?.find((account) => account.id === accountId)?.name ?? 'a removed account';
  };
  const shown = entries === null ? [] : filterEntries(entries, filter, accountName);
  const filtered = filter.text.trim() !== '' || filter.action !== '';

  return (
    <section aria-labelledby="audit-heading" className="audit">
      <h2 id="audit-heading">Audit log</h2>
      <div className="audit-filters" role="search" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor={`${id}-text`}>Filter</label>
          <input
            id={`${id}-text`}
            type="search"
            value={filter.text}
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>Action</label>
          <select id={`${id}-action`} value={filter.action} onChange={(event) => setFilter({ ...filter, action: event.target.value })}>
            <option value="">All actions</option>
            {actionsIn(entries ?? []).map((action) => (
              <option key={action} value={action}>
                {actionWords(action)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="error" role="alert">
        {error ? errorText(error) : ''}
      </p>
      {entries === null && <p aria-busy="true">Loading the audit log…</p>}
      {entries?.length === 0 && !error && <p>Nothing yet. Signing, copying, sending and every change to the keys show up here.</p>}
      {entries && entries.length > 0 && (
        <>
          <p role="status" className="note">
            {filtered ? `${shown.length} of the ${entries.length} entries loaded match.` : `${entries.length} entries loaded.`}
          </p>
          {shown.length > 0 && (
            <table aria-label="Audit log">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Action</th>
                  <th scope="col">Account</th>
                  <th scope="col">Key</th>
                  <th scope="col">Request</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={new Date(entry.at).toISOString()}>{timeFormat.format(entry.at)}</time>
                    </td>
                    <td>{actionWords(entry.action)}</td>
                    <td>{accountName(entry.accountId)}</td>
                    <td className="mono">{entry.kid ?? ''}</td>
                    <td className="mono">{requestLine(entry)}</td>
                    <td>{outcomeText(entry)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {hasOlder && (
        <button type="button" onClick={() => void loadOlder()} disabled={loading}>
          Load older entries
        </button>
      )}
    </section>
  );
}
