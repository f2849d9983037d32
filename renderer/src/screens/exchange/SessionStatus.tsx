import type { SessionState } from '../../store/exchange-store';
import { useExchangeStore } from '../../store/exchange-store';

function sessionWords(session: SessionState | null): string {
  if (session === null) return 'Checking the session…';
  if (session.status === 'logged_out') return 'Logged out.';
  if (session.status === 'expired') return `The session of ${session.user.email} expired: log in again.`;
  const { email, uid, level, otp } = session.user;
  return `Logged in as ${email} (uid ${uid}, level ${level}, 2FA ${otp ? 'on' : 'off'}).`;
}

/** Who is logged in on the exchange, if anyone. */
export function SessionStatus() {
  const session = useExchangeStore((state) => state.session);
  return (
    <p role="status" aria-label="Session">
      {sessionWords(session)}
    </p>
  );
}
