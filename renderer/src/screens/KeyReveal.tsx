import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../error-text';
import type { ApiKey } from '../store/accounts-store';
import { api } from '../window-api';
import { OwnerProof, useOwnerProof } from './OwnerProof';

/** How long a revealed secret stays on screen: long enough to read or type it, no longer. */
export const REVEAL_SECONDS = 10;

/** Whole seconds until `deadline`, updated four times a second; 0 once it passed. */
function useSecondsUntil(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [deadline]);
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * One key's secret, behind the owner's proof: the passphrase where the vault has one, otherwise
 * main's own dialog. Shown for REVEAL_SECONDS, then taken out of the page (onClose), as on
 * Hide; a lock unmounts it with the rest of the unlocked screen.
 */
export function KeyReveal({ apiKey, onClose }: { apiKey: ApiKey; onClose(): void }) {
  const proof = useOwnerProof();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<{ secret: string; hideAt: number } | null>(null);
  const secondsLeft = useSecondsUntil(revealed?.hideAt ?? null);
  const hideRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (revealed && secondsLeft === 0) onClose();
  }, [revealed, secondsLeft, onClose]);

  useEffect(() => {
    if (revealed) hideRef.current?.focus();
  }, [revealed]);

  const reveal = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    setBusy(true);
    const result = await api().keys.reveal({ keyId: apiKey.id, ...proof.take() });
    setBusy(false);
    if (result.ok) setRevealed({ secret: result.value.secret, hideAt: Date.now() + REVEAL_SECONDS * 1000 });
    else setError(errorText(result.error));
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="reveal">
      <h4 id={`${id}-heading`}>
        Secret of <span className="mono">{apiKey.kid}</span>
      </h4>
      {revealed ? (
        <>
          <code aria-label="Revealed secret" className="mono revealed-secret">
            {revealed.secret}
          </code>
          <p className="note">Hidden in {secondsLeft} s.</p>
          <button type="button" ref={hideRef} onClick={onClose}>
            Hide
          </button>
        </>
      ) : (
        <form onSubmit={reveal} aria-label="Reveal secret" noValidate>
          <OwnerProof proof={proof} autoFocus waiting={busy} />
          <p className="note">The secret shows for {REVEAL_SECONDS} seconds.</p>
          <p className="error" role="alert">
            {error}
          </p>
          <div className="actions">
            <button type="submit" disabled={busy} autoFocus={!proof.hasPassphrase}>
              Reveal
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
