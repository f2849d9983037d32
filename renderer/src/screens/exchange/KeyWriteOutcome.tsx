import { errorText } from '../../error-text';
import { useExchangeStore } from '../../store/exchange-store';
import { KeyCodeForm } from './KeyCodeForm';

/** A key write's code prompt, its wait and what came of it; the list's own refusals show here too. */
export function KeyWriteOutcome() {
  const { busy, keyCodeFor, keysNote, keysError } = useExchangeStore();
  return (
    <>
      {keyCodeFor && <KeyCodeForm action={keyCodeFor} key={JSON.stringify(keyCodeFor)} />}
      {busy === 'key' && <p aria-busy="true">Waiting for the exchange…</p>}
      <p role="status">{keysNote}</p>
      <p className="error" role="alert">
        {keysError ? errorText(keysError) : ''}
      </p>
    </>
  );
}
