import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../error-text';
import type { ApiKey } from '../store/accounts-store';
import { api } from '../window-api';
import { keyName } from './keys/key-words';
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

/** Where the copied secret went, and for how long (0: the clearing setting is off). */
function copiedWords(clearsInSeconds: number): string {
  return clearsInSeconds > 0
    ? `Secret copied; clears from the clipboard in ${Math.round(clearsInSeconds)} s.`
    : 'Secret copied; clipboard clearing is off in Settings, so clear it yourself.';
}

/**
 * One key's secret, behind the owner's proof: the passphrase where the vault has one, otherwise
 * main's own dialog. Copied by main onto the clipboard, or shown for REVEAL_SECONDS, then taken out of the page (onClose), as on
 * Hide; a lock unmounts it with the rest of the unlocked screen.
 */
export function KeyReveal({ apiKey, onClose }: { apiKey: ApiKey; onClose(): void }) {
  const proof = useOwnerProof();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<{ secret: string; hideAt: number } | null>(null);
  const [copied, setCopied] = useState('');
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
    setCopied('');
    setBusy(true);
    const result = await api().keys.reveal({ keyId: apiKey.id, deliver: 'page', ...proof.take() });
    setBusy(false);
    if (!result.ok) setError(errorText(result.error));
    else if ('secret' in result.value) setRevealed({ secret: result.value.secret, hideAt: Date.now() + REVEAL_SECONDS * 1000 });
  };

  // Main copies the secret itself: it never comes to the page, and the page never sends it back.
  const copySecret = async () => {
    setError('');
    setCopied('');
    setBusy(true);
    const result = await api().keys.reveal({ keyId: apiKey.id, deliver: 'clipboard', ...proof.take() });
    setBusy(false);
    if (!result.ok) setError(errorText(result.error));
    else if ('clearsInSeconds' in result.value) setCopied(copiedWords(result.value.clearsInSeconds));
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="reveal">
      <h4 id={`${id}-heading`}>Secret of {keyName(apiKey)}</h4>
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
          <p className="note">Reveal shows the secret here for {REVEAL_SECONDS} seconds; Copy secret puts it on the clipboard, cleared like any secret.</p>
          <p className="error" role="alert">
            {error}
          </p>
          <p className="form-message" role="status">
            {copied}
          </p>
          <div className="actions">
            <button type="submit" disabled={busy} autoFocus={!proof.hasPassphrase}>
              Reveal
            </button>
            <button type="button" disabled={busy} onClick={() => void copySecret()}>
              Copy secret
            </button>
            <button type="button" onClick={onClose}>
              {copied ? 'Close' : 'Cancel'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
