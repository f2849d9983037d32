import { useId } from 'react';
import { errorText } from '../../error-text';
import { useExchangeStore } from '../../store/exchange-store';
import { AnsweredAt } from './AnsweredAt';
import { CreateKeyForm } from './CreateKeyForm';
import { KeyCodeForm } from './KeyCodeForm';
import { PendingCreations } from './PendingCreations';
import { ReconciliationTable } from './ReconciliationTable';
import { StateChangesList } from './StateChangesList';

/** The keys as the exchange sees them, and the key writes with their code prompt and outcome. */
export function KeysOnExchange() {
  const { reconciliation, listedAt, busy, reconcile, keyCodeFor, keysNote, keysError } = useExchangeStore();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Keys on the exchange</h4>
      <button type="button" onClick={() => void reconcile()} disabled={busy !== null}>
        {reconciliation ? 'Refresh keys' : 'List keys on the exchange'}
      </button>
      {listedAt !== null && <AnsweredAt what="Listed" at={listedAt} />}
      {reconciliation && <ReconciliationTable reconciliation={reconciliation} />}
      {reconciliation && <StateChangesList changes={reconciliation.stateChanges} />}
      <PendingCreations />
      <CreateKeyForm />
      {keyCodeFor && <KeyCodeForm action={keyCodeFor} key={JSON.stringify(keyCodeFor)} />}
      {busy === 'key' && <p aria-busy="true">Waiting for the exchange…</p>}
      <p role="status">{keysNote}</p>
      <p className="error" role="alert">
        {keysError ? errorText(keysError) : ''}
      </p>
    </section>
  );
}
