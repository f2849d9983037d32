import { errorText } from '../../error-text';
import { useExchangeStore } from '../../store/exchange-store';

/** Checking the session (by loading the balances, which only a live session can read) and Log out, and the session's last refusal. */
export function SessionActions() {
  const { session, busy, validate, logout, sessionError } = useExchangeStore();
  return (
    <>
      {session?.status === 'logged_in' && (
        <div className="actions">
          <button type="button" onClick={() => void validate()} disabled={busy !== null} aria-busy={busy === 'validate'}>
            Check session (load balances)
          </button>
          <button type="button" onClick={() => void logout()} disabled={busy !== null}>
            Log out
          </button>
        </div>
      )}
      <p className="error" role="alert">
        {sessionError ? errorText(sessionError) : ''}
      </p>
    </>
  );
}
