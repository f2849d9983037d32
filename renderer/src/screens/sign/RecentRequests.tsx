import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../store/audit-log';
import type { HttpMethod } from '../../store/signer-store';
import { METHODS } from '../../store/signer-store';
import { api } from '../../window-api';

/** How many distinct requests Recent lists, and how far back in the log it looks for them. */
const RECENT_COUNT = 6;
const LOG_DEPTH = 300;

interface RecentRequest {
  method: HttpMethod;
  path: string;
  at: number;
}

const isMethod = (method: string | null): method is HttpMethod => METHODS.includes(method as HttpMethod);

/** The account's last distinct requests, newest first, from the audit log's signs, copies and sends. */
export function recentRequests(entries: readonly AuditEntry[], accountId: string): RecentRequest[] {
  const seen = new Set<string>();
  const recent: RecentRequest[] = [];
  for (const entry of entries) {
    if (entry.accountId !== accountId || !['sign', 'copy', 'send'].includes(entry.action) || !isMethod(entry.method) || entry.path === null) continue;
    const id = `${entry.method} ${entry.path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    recent.push({ method: entry.method, path: entry.path, at: entry.at });
    if (recent.length === RECENT_COUNT) break;
  }
  return recent;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/**
 * Recent requests of the account, each with Sign again, and Send again for a GET. A state-changing
 * one only goes back into the form: the log keeps no body, and an order is never re-sent blind.
 */
export function RecentRequests({
  accountId,
  refreshKey,
  onSignAgain,
  onSendAgain,
  onLoad,
}: {
  accountId: string;
  /** Changes after each sign, copy or send, so the list follows. */
  refreshKey: unknown;
  onSignAgain(request: RecentRequest): void;
  onSendAgain(request: RecentRequest): void;
  onLoad(request: RecentRequest): void;
}) {
  const [recent, setRecent] = useState<RecentRequest[] | null>(null);
  useEffect(() => {
    let current = true;
    void api()
      .audit.list({ limit: LOG_DEPTH })
      .then((result) => {
        if (current) setRecent(result.ok ? recentRequests(result.value, accountId) : []);
      });
    return () => {
      current = false;
    };
  }, [accountId, refreshKey]);

  if (!recent || recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading" className="recent">
      <h3 id="recent-heading">Recent</h3>
      <ul>
        {recent.map((request) => (
          <li key={`${request.method} ${request.path}`}>
            <span className="method-tag">{request.method}</span>
            <span className="mono recent-path" title={request.path}>
              {request.path}
            </span>
            <time className="note" dateTime={new Date(request.at).toISOString()}>
              {timeFormat.format(request.at)}
            </time>
            <span className="recent-actions">
              {request.method === 'GET' ? (
                <>
                  <button type="button" className="quiet" aria-label={`Sign again: ${request.method} ${request.path}`} onClick={() => onSignAgain(request)}>
                    Sign again
                  </button>
                  <button type="button" className="quiet" aria-label={`Send again: ${request.method} ${request.path}`} onClick={() => onSendAgain(request)}>
                    Send again
                  </button>
                </>
              ) : (
                <button type="button" className="quiet" aria-label={`Put in the form: ${request.method} ${request.path}`} onClick={() => onLoad(request)}>
                  Put in the form
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
