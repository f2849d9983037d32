import type { AccountSummary } from '../../store/accounts-store';
import { useExchangeStore } from '../../store/exchange-store';

/** This computer's clock against the exchange's, warned about when the gap eats the nonce lifetime. */
export function ClockPanel({ account }: { account: AccountSummary }) {
  const { clock, busy, syncClock } = useExchangeStore();
  const clockWarning = clock !== null && (clock.warning?.exceedsLifetime === true || Math.abs(clock.offsetMs) > account.nonceLifetimeMs / 2);
  return (
    <div className="clock">
      <p aria-label="Clock offset">
        {clock === null
          ? 'Clock not synced with the exchange yet.'
          : `Clock offset ${Math.round(clock.offsetMs)} ms (± ${Math.round(clock.uncertaintyMs)} ms, from ${clock.source}).`}
      </p>
      {clockWarning && (
        <p className="error" role="alert">
          The clocks differ by more than half the nonce lifetime ({account.nonceLifetimeMs} ms): signed requests may be refused. Fix this computer&apos;s clock.
        </p>
      )}
      <button type="button" onClick={() => void syncClock()} disabled={busy === 'clock'}>
        Sync clock
      </button>
    </div>
  );
}
