import type { ErrorInfo, Result } from '../../../app/contract/result';

/**
 * What a store does with main's answer to an action that returns the new status: keep it (and
 * clear the load error), or hand the error back to the form that asked, which shows it in place.
 */
export function statusSettler<T>(set: (state: { status: T; loadError: null }) => void): (result: Result<T>) => ErrorInfo | null {
  return (result) => {
    if (!result.ok) return result.error;
    set({ status: result.value, loadError: null });
    return null;
  };
}
