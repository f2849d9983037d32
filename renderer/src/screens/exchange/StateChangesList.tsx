import type { Reconciliation } from '../../store/exchange-store';

/** The key states the last listing brought in line with the exchange. */
export function StateChangesList({ changes }: { changes: Reconciliation['stateChanges'] }) {
  if (changes.length === 0) return null;
  return (
    <ul aria-label="State changes">
      {changes.map((change) => (
        <li key={change.keyId}>
          {change.kid}: {change.from.replace('_', ' ')} → {change.to.replace('_', ' ')}
        </li>
      ))}
    </ul>
  );
}
