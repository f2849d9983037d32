import type { ApiKey } from '../../store/accounts-store';

const STATE_WORDS: Record<ApiKey['remoteState'], string> = {
  active: 'active',
  disabled: 'disabled on the exchange',
  inactive: 'inactive on the exchange',
  deleted_remotely: 'deleted on the exchange',
  unknown: 'not checked yet',
};

/** Whether the signer offers the key: one the exchange disabled or deleted would only be refused. */
export const signable = (key: ApiKey) => key.remoteState === 'active' || key.remoteState === 'unknown';

/** The key the signer starts with: the last one used on the account, else its first signable one. */
export function preferredKey(keys: readonly ApiKey[]): ApiKey | undefined {
  const usable = keys.filter(signable);
  return usable.reduce<ApiKey | undefined>((best, key) => ((key.lastUsedAt ?? -1) > (best?.lastUsedAt ?? -1) ? key : best), undefined) ?? usable[0];
}

/** "label — kid · state"; keys that cannot sign are listed, marked, and not choosable. */
export function KeyPicker({ id, keys, keyId, onChoose }: { id: string; keys: readonly ApiKey[]; keyId: string | null; onChoose(keyId: string | null): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Key</label>
      <select id={id} value={keyId ?? ''} onChange={(event) => onChoose(event.target.value === '' ? null : event.target.value)}>
        <option value="">Choose a key</option>
        {keys.map((key) => (
          <option key={key.id} value={key.id} disabled={!signable(key)}>
            {key.label ? `${key.label} — ${key.kid}` : key.kid} · {STATE_WORDS[key.remoteState]}
          </option>
        ))}
      </select>
    </div>
  );
}
