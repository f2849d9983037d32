import { useEffect, useState } from 'react';
import { countdownStage } from './countdown';

/** Milliseconds left on this computer's clock, updated every 100 ms until it runs out. */
function useMsLeft(expiresAtMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= expiresAtMs) window.clearInterval(timer);
    }, 100);
    return () => window.clearInterval(timer);
  }, [expiresAtMs]);
  return Math.max(0, expiresAtMs - now);
}

const STAGE_WORDS = { fresh: 'fresh', ageing: 'running out', expiring: 'about to expire', stale: 'stale' } as const;

/**
 * How long the signed command stays good, beside the buttons: a bar that empties from green to
 * amber to red, then a stale state with one click to sign again.
 */
export function CountdownPill({
  signedAtMs,
  expiresAtMs,
  resignLabel,
  onResign,
}: {
  signedAtMs: number;
  expiresAtMs: number;
  resignLabel: string;
  onResign(): void;
}) {
  const left = useMsLeft(expiresAtMs);
  const stage = countdownStage(left, expiresAtMs - signedAtMs);
  const share = expiresAtMs > signedAtMs ? left / (expiresAtMs - signedAtMs) : 0;
  return (
    <span className="countdown" data-stage={stage}>
      <span
        className="countdown-text"
        aria-label="Validity"
        title={`The exchange accepts this command for ${STAGE_WORDS[stage] === 'stale' ? 'no longer' : 'a few seconds more'}`}
      >
        {stage === 'stale' ? 'Stale: the exchange would refuse this command now.' : `Valid for ${(left / 1000).toFixed(1)} s`}
      </span>
      {stage !== 'stale' && (
        <span className="countdown-track" aria-hidden="true">
          <span className="countdown-bar" style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
      )}
      {stage === 'stale' && (
        <button type="button" className="primary" onClick={onResign}>
          {resignLabel}
        </button>
      )}
    </span>
  );
}
