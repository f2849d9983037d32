import { useEffect, useRef } from 'react';
import { errorText } from '../../error-text';
import { useExchangeStore } from '../../store/exchange-store';
import { KeyCodeForm } from './KeyCodeForm';

/** A key write's code prompt, its wait and what came of it; the list's own refusals show here too. */
export function KeyWriteOutcome() {
  const { busy, keyCodeFor, keysNote, keysError } = useExchangeStore();
  const noteRef = useRef<HTMLParagraphElement>(null);
  // The code form that held the focus is gone once the write is done: the keyboard carries on from
  // what came of it, not from the top of the page. Focus the trader moved elsewhere stays there.
  useEffect(() => {
    if (keysNote !== '' && (document.activeElement === null || document.activeElement === document.body)) noteRef.current?.focus();
  }, [keysNote]);
  return (
    <>
      {keyCodeFor && <KeyCodeForm action={keyCodeFor} key={JSON.stringify(keyCodeFor)} />}
      {busy === 'key' && <p aria-busy="true">Waiting for the exchange…</p>}
      <p role="status" tabIndex={-1} ref={noteRef}>
        {keysNote}
      </p>
      <p className="error" role="alert">
        {keysError ? errorText(keysError) : ''}
      </p>
    </>
  );
}
