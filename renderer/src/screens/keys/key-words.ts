import type { RemoteState } from '../../../../app/domain/remote-keys';
import type { ApiKey } from '../../store/accounts-store';
import type { Tone } from '../../ui/Badge';

/** The key in a few words for a button's name: its label and the start of its kid, "bot (61d025b8…)". */
export function keyName(key: Pick<ApiKey, 'label' | 'kid'>): string {
  const kid = key.kid.length > 8 ? `${key.kid.slice(0, 8)}…` : key.kid;
  return key.label ? `${key.label} (${kid})` : `key ${kid}`;
}

/** The key's state on the exchange, coloured by what it means for signing with it. */
export const STATE_BADGES: Record<RemoteState, { tone: Tone; words: string }> = {
  active: { tone: 'success', words: 'active' },
  disabled: { tone: 'warning', words: 'disabled' },
  inactive: { tone: 'warning', words: 'inactive' },
  deleted_remotely: { tone: 'danger', words: 'deleted remotely' },
  // An imported key, until the exchange's list says: it may well work.
  unknown: { tone: 'neutral', words: 'unknown' },
};

/** The exchange refuses the key: the signer marks it, and the row is dimmed. */
export const isUnusable = (state: RemoteState): boolean => state === 'disabled' || state === 'inactive' || state === 'deleted_remotely';

const DATE_TIME = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A local date and time, short ("Dec 1, 2026, 10:48 AM" in en-US), or "never" for a key not used yet. */
export const dateTimeWords = (ms: number | null): string => (ms === null ? 'never' : DATE_TIME.format(ms));
