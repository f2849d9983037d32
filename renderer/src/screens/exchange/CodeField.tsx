import { useEffect, useRef } from 'react';
import type { ErrorInfo } from '../../../../app/contract/result';

/** The 2FA code box of the login and of the key changes. */
export function CodeField({ id, code, onChange, refusal }: { id: string; code: string; onChange(code: string): void; refusal: ErrorInfo | null }) {
  const inputRef = useRef<HTMLInputElement>(null);
  // A refused code is of no more use: the field is emptied and focused for the next one.
  useEffect(() => {
    if (!refusal) return;
    onChange('');
    inputRef.current?.focus();
  }, [refusal, onChange]);
  return (
    <div className="field">
      <label htmlFor={`${id}-code`}>2FA code</label>
      <input
        id={`${id}-code`}
        ref={inputRef}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        className="mono"
        value={code}
        onChange={(event) => onChange(event.target.value)}
        autoFocus
      />
    </div>
  );
}
