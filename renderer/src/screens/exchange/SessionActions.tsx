import { errorText } from '../../error-text';
import { useExchangeStore } from '../../store/exchange-store';

/** Validate and Log out while a session is live, and the session's last refusal. */
export function SessionActions() {
  const { session, busy, validate, logout, sessionError } = useExchangeStore();
  return (
    <>
      {session?.status === 'logged_in' && (
        <div className="actions">
          <button type="button" onClick={() => void validate()} disabled={busy !== null}>
            Validate
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
