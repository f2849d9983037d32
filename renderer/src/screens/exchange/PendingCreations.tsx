import { useExchangeStore } from '../../store/exchange-store';

/** Key creations interrupted before their secret was saved, each dismissable once the trader has dealt with it. */
export function PendingCreations() {
  const { pending, dismissCreation } = useExchangeStore();
  if (pending.length === 0) return null;
  return (
    <section aria-label="Unfinished key creations">
      <p>These key creations were interrupted: the exchange may hold a key whose secret was never saved.</p>
      <ul>
        {pending.map((creation) => (
          <li key={creation.id}>
            {creation.label || 'Unlabelled key'} ({creation.scopes.join(', ') || 'no scopes'}), started {new Date(creation.startedAt).toLocaleString()}{' '}
            <button type="button" aria-label={`Dismiss ${creation.label || 'unlabelled key'} creation`} onClick={() => void dismissCreation(creation.id)}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
