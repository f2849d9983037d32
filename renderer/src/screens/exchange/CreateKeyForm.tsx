import { useId, useState } from 'react';
import { useExchangeStore } from '../../store/exchange-store';

/** A new key on the exchange, its secret saved in the vault as the exchange answers. */
export function CreateKeyForm() {
  const { busy, runKeyAction } = useExchangeStore();
  const id = useId();
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState('');
  return (
    <form
      aria-label="Create key"
      className="create-key"
      onSubmit={(event) => {
        event.preventDefault();
        const list = scopes.split(/[\s,]+/).filter((scope) => scope !== '');
        void runKeyAction({ kind: 'create', label: label.trim(), scopes: list });
      }}
      noValidate
    >
      <h5>New key on the exchange</h5>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input id={`${id}-label`} type="text" value={label} onChange={(event) => setLabel(event.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-scopes`}>Scopes (comma separated)</label>
        <input id={`${id}-scopes`} type="text" value={scopes} onChange={(event) => setScopes(event.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <button type="submit" className="primary" disabled={busy !== null}>
        Create key
      </button>
    </form>
  );
}
