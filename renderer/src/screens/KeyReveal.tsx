import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../error-text';
import type { ApiKey } from '../store/accounts-store';
import { useVaultStore } from '../store/vault-store';
import { api } from '../window-api';
import { PassphraseField } from './PassphraseField';

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
 * One key's secret, behind a fresh re-authorisation: the passphrase where the vault has one,
 * otherwise the keychain. Shown for REVEAL_SECONDS, then taken out of the page (onClose), as on
 * Hide; a lock unmounts it with the rest of the unlocked screen.
 */
export function KeyReveal({ apiKey, onClose }: { apiKey: ApiKey; onClose(): void }) {
  const vaultHasPassphrase = useVaultStore((state) => state.status?.passphrase ?? true);
  // The status may predate a passphrase added since: the vault's own answer then asks for it.
  const [needsPassphrase, setNeedsPassphrase] = useState(vaultHasPassphrase);
  const [passphrase, setPassphrase] = useState('');
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
    const given = passphrase;
    // Never left in the page once sent, whatever the answer.
    setPassphrase('');
    setError('');
    setBusy(true);
    const result = await api().keys.reveal(needsPassphrase ? { keyId: apiKey.id, ownerPassphrase: given } : { keyId: apiKey.id });
    setBusy(false);
    if (result.ok) {
      setRevealed({ secret: result.value.secret, hideAt: Date.now() + REVEAL_SECONDS * 1000 });
      return;
    }
    if (result.error.code === 'vault.passphrase_required') setNeedsPassphrase(true);
    setError(errorText(result.error));
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
          {needsPassphrase ? (
            <PassphraseField label="Passphrase" value={passphrase} onChange={setPassphrase} autoComplete="current-password" autoFocus />
          ) : (
            <p className="note">This computer&apos;s keychain confirms it is you.</p>
          )}
          <p className="note">The secret shows for {REVEAL_SECONDS} seconds.</p>
          <p className="error" role="alert">
            {error}
          </p>
          <div className="actions">
            <button type="submit" disabled={busy} autoFocus={!needsPassphrase}>
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
