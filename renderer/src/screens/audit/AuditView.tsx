import { useEffect, useId, useState } from 'react';
import { errorText } from '../../error-text';
import { useAccountsStore } from '../../store/accounts-store';
import { useAuditLog } from '../../store/audit-log';
import type { AuditEntry } from '../../store/audit-log';
import { useViewStore } from '../../store/view-store';
import { Badge } from '../../ui/Badge';
import { actionWords, actionsIn, filterEntries, outcomeText, outcomeTone, requestLine, signAgainOf } from './audit-filter';
import type { AuditFilter } from './audit-filter';
import './audit.css';

/** The full local date and time, to the second: a log is read for when exactly. */
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
/** The same with the time zone, for the tooltip. */
const zonedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** Opens the account on its Sign tab. */
function openAccount(accountId: string) {
  void useAccountsStore.getState().select(accountId);
  useViewStore.getState().showAccountTab('sign');
}

/** Opens the account's signer with the row's key chosen and its request in the form. */
function signAgain(entry: AuditEntry) {
  const again = signAgainOf(entry);
  if (!again) return;
  void useAccountsStore.getState().select(again.accountId);
  useViewStore.getState().signWith(again.kid, again.request);
}

/** What was signed, copied, sent, revealed and changed, newest first, one row a line; never a secret or a signature. */
export function AuditView() {
  const { entries, hasOlder, loading, error, loadOlder } = useAuditLog();
  const { accounts, load: loadAccounts } = useAccountsStore();
  const [filter, setFilter] = useState<AuditFilter>({ text: '', action: '' });
  const id = useId();

  useEffect(() => {
    if (accounts === null) void loadAccounts();
  }, [accounts, loadAccounts]);

  const accountOf = (accountId: string | null) => (accountId === null ? undefined : accounts?.find((account) => account.id === accountId));
  const accountName = (accountId: string | null) => {
    if (accountId === null) return '';
    return accountOf(accountId)?.name ?? 'a removed account';
  };
  const shown = entries === null ? [] : filterEntries(entries, filter, accountName);
  const filtered = filter.text.trim() !== '' || filter.action !== '';

  return (
    <section aria-labelledby="audit-heading" className="audit-log">
      <h2 id="audit-heading">Audit log</h2>
      {entries !== null && entries.length > 0 && (
        <div className="audit-filters" role="search" aria-label="Filter the audit log">
          <div className="field">
            <label htmlFor={`${id}-text`}>Filter</label>
            <input
              id={`${id}-text`}
              type="search"
              value={filter.text}
              onChange={(event) => setFilter({ ...filter, text: event.target.value })}
              placeholder="Account, kid, path, outcome…"
              spellCheck={false}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-action`}>Action</label>
            <select id={`${id}-action`} value={filter.action} onChange={(event) => setFilter({ ...filter, action: event.target.value })}>
              <option value="">All actions</option>
              {actionsIn(entries).map((action) => (
                <option key={action} value={action}>
                  {actionWords(action)}
                </option>
              ))}
            </select>
          </div>
          <p role="status" className="note">
            {filtered ? `${shown.length} of the ${entries.length} entries loaded match.` : `${entries.length} entries loaded.`}
          </p>
        </div>
      )}
      <p className="error" role="alert">
        {error ? errorText(error) : ''}
      </p>
      {entries === null && <p aria-busy="true">Loading the audit log…</p>}
      {entries?.length === 0 && !error && <EmptyLog />}
      {shown.length > 0 && (
        <table aria-label="Audit log" className="audit-table">
          <colgroup>
            <col className="audit-col-time" />
            <col className="audit-col-action" />
            <col className="audit-col-account" />
            <col className="audit-col-key" />
            <col />
            <col className="audit-col-outcome" />
            <col className="audit-col-again" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Action</th>
              <th scope="col">Account</th>
              <th scope="col">Key</th>
              <th scope="col">Request</th>
              <th scope="col">Outcome</th>
              <th scope="col">
                <span className="visually-hidden">Row actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => {
              const account = accountOf(entry.accountId);
              const request = requestLine(entry);
              const outcome = outcomeText(entry);
              const again = account ? signAgainOf(entry) : null;
              return (
                <tr key={entry.id}>
                  <td className="audit-time" title={zonedFormat.format(entry.at)}>
                    <time dateTime={new Date(entry.at).toISOString()}>{timeFormat.format(entry.at)}</time>
                  </td>
                  <td title={actionWords(entry.action)}>{actionWords(entry.action)}</td>
                  <td>
                    {account ? (
                      <button type="button" className="link" title={`Open ${account.name}`} onClick={() => openAccount(account.id)}>
                        {account.name}
                      </button>
                    ) : (
                      <span className="note">{accountName(entry.accountId)}</span>
                    )}
                  </td>
                  <td className="mono" title={entry.kid ?? undefined}>
                    {entry.kid ?? ''}
                  </td>
                  <td className="mono" title={request || undefined}>
                    {request && (
                      <span className="audit-request">
                        {entry.method !== null && <span className="audit-method">{entry.method}</span>}{' '}
                        {/* Cut at its start when too long: a path's end names what was asked. */}
                        <span className="audit-path">
                          <bdi>{entry.path ?? ''}</bdi>
                        </span>
                      </span>
                    )}
                  </td>
                  <td title={outcome || undefined}>{outcome && <Badge tone={outcomeTone(entry)}>{outcome}</Badge>}</td>
                  <td>
                    {again && (
                      <button
                        type="button"
                        className="quiet"
                        aria-label={`Sign again ${request}`}
                        title={`Sign ${request} again with ${again.kid}`}
                        onClick={() => signAgain(entry)}
                      >
                        Sign again
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {hasOlder && (
        <button type="button" onClick={() => void loadOlder()} disabled={loading}>
          Load older entries
        </button>
      )}
    </section>
  );
}

/** No rows yet: what will show up here, and the way to the first one. */
function EmptyLog() {
  const { accounts, selectedId } = useAccountsStore();
  const first = accounts?.[0];
  const toSigner = () => {
    if (!first) {
      useViewStore.getState().show('accounts');
      return;
    }
    if (selectedId === null) void useAccountsStore.getState().select(first.id);
    useViewStore.getState().showAccountTab('sign');
  };
  return (
    <section className="empty-state" aria-labelledby="audit-empty-heading">
      <h3 id="audit-empty-heading">No audit entries yet</h3>
      <p>
        Each request a key signs, copies or sends lands here on one line: when, to the second; the account; the key; the request; the exchange&apos;s answer.
        Reveals and changes to keys, backups and settings too, never a secret or a signature.
      </p>
      <p className="note">
        {first ? 'Sign a request in the signer to make the first entry.' : 'Add an account and a key, then sign a request to make the first entry.'}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={toSigner}>
          {first ? 'Open the signer' : 'Add an account'}
        </button>
      </div>
    </section>
  );
}
