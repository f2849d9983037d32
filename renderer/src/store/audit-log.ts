import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../app/contract/api';
import type { ErrorInfo } from '../../../app/contract/result';
import { api } from '../window-api';

export type AuditEntry = ResponseOf<'audit.list'>[number];

/** Entries per page: a screenful or two. */
export const AUDIT_PAGE_SIZE = 50;

interface AuditLog {
  /** Newest first; null until the first page is in. */
  entries: AuditEntry[] | null;
  /** The last page was full, so older entries may exist. */
  hasOlder: boolean;
  loading: boolean;
  error: ErrorInfo | null;
  loadOlder(): Promise<void>;
}

/**
 * The audit log, a page at a time, held by the view that shows it: it goes when the view does
 * (on lock among others), so no copy of the log outlives the screen.
 */
export function useAuditLog(): AuditLog {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const loadPage = useCallback(async (before: AuditEntry[]) => {
    setLoading(true);
    const beforeId = before.at(-1)?.id;
    const result = await api().audit.list(beforeId === undefined ? { limit: AUDIT_PAGE_SIZE } : { limit: AUDIT_PAGE_SIZE, beforeId });
    setLoading(false);
    if (!result.ok) {
      setError(result.error);
      setEntries(before);
      return;
    }
    setError(null);
    setEntries([...before, ...result.value]);
    setHasOlder(result.value.length === AUDIT_PAGE_SIZE);
  }, []);

  useEffect(() => {
    void loadPage([]);
  }, [loadPage]);

  return { entries, hasOlder, loading, error, loadOlder: () => loadPage(entries ?? []) };
}
