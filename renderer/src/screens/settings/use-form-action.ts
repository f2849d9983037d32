import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../app/contract/result';
import { errorText } from '../../error-text';

export interface FormAction {
  busy: boolean;
  /** The refusal in words, shown in the form that asked. */
  error: string;
  /** What was done, in words. */
  note: string;
  /** Runs one call at a time; `onDone` runs only if the call succeeded and the form is still shown. */
  run(call: () => Promise<ErrorInfo | null>, onDone?: () => void): Promise<void>;
  /** A mistake caught before anything was sent. */
  refuse(text: string): void;
  done(text: string): void;
}

/**
 * A settings form's one action: busy while the vault works (the KDF takes a moment), then its
 * error or its note. A lock unmounts the form mid-call; its answer then changes nothing, so no
 * file is saved and no note appears after the lock.
 */
export function useFormAction(): FormAction {
  const shown = useRef(false);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');

  const run = useCallback(async (call: () => Promise<ErrorInfo | null>, onDone?: () => void) => {
    setBusy(true);
    setError('');
    setNote('');
    const failure = await call();
    if (!shown.current) return;
    setBusy(false);
    if (failure) setError(errorText(failure));
    else onDone?.();
  }, []);
  const refuse = useCallback((text: string) => {
    setError(text);
    setNote('');
  }, []);
  const done = useCallback((text: string) => {
    setError('');
    setNote(text);
  }, []);
  return { busy, error, note, run, refuse, done };
}
