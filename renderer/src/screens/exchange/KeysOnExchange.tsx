import { useId } from 'react';
import { useExchangeStore } from '../../store/exchange-store';
import { AnsweredAt } from './AnsweredAt';
import { CreateKeyForm } from './CreateKeyForm';
import { KeyWriteOutcome } from './KeyWriteOutcome';
import { PendingCreations } from './PendingCreations';
import { ReconciliationTable } from './ReconciliationTable';
import { StateChangesList } from './StateChangesList';

/**
 * The keys as the exchange sees them, and the key writes. A write's code prompt and outcome show
 * where it was asked: under the list for a key in it, under the create form for a new key.
 */
export function KeysOnExchange() {
  const { reconciliation, listedAt, busy, reconcile, keyWriteKind, createdKid } = useExchangeStore();
  const id = useId();
  const fromForm = keyWriteKind === 'create';
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Keys on the exchange</h4>
      <button type="button" onClick={() => void reconcile()} disabled={busy !== null}>
        {reconciliation ? 'Refresh keys' : 'List keys on the exchange'}
      </button>
      {listedAt !== null && <AnsweredAt what="Listed" at={listedAt} />}
      {reconciliation && <ReconciliationTable reconciliation={reconciliation} />}
      {reconciliation && <StateChangesList changes={reconciliation.stateChanges} />}
      {!fromForm && <KeyWriteOutcome />}
      <PendingCreations />
      {/* Keyed by the last key created: its label and scopes are not offered again for the next one. */}
      <CreateKeyForm key={createdKid ?? ''} />
      {fromForm && <KeyWriteOutcome />}
    </section>
  );
}
