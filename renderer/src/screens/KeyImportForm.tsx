import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../error-text';
import { useAccountsStore } from '../store/accounts-store';

/** Import a key (kid + secret). The secret field is emptied at submit, whatever the answer. */
export function KeyImportForm({ accountId }: { accountId: string }) {
  const importKey = useAccountsStore((state) => state.importKey);
  const [kid, setKid] = useState('');
  const [secret, setSecret] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const errorId = `${id}-error`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const given = secret;
    // Never left in the page once sent: the field, and React's copy of it, are emptied now.
    setSecret('');
    setError('');
    setWarnings([]);
    setDone('');
    setBusy(true);
    const answer = await importKey(accountId, { kid: kid.trim(), secret: given, ...(label.trim() ? { label: label.trim() } : {}) });
    setBusy(false);
    if ('error' in answer) {
      setError(`${errorText(answer.error)}${answer.error.code === 'vault.duplicate_kid' ? '' : ' Type the secret again to retry.'}`);
      return;
    }
    setWarnings(answer.warnings);
    setDone(`Key ${kid.trim()} imported.`);
    setKid('');
    setLabel('');
  };

  return (
    <form onSubmit={submit} aria-describedby={errorId} aria-label="Import key" className="card" noValidate>
      <h3>Import a key</h3>
      <div className="field">
        <label htmlFor={`${id}-kid`}>Key id (kid)</label>
        <input id={`${id}-kid`} type="text" value={kid} onChange={(event) => setKid(event.target.value)} spellCheck={false} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-secret`}>Secret</label>
        <input id={`${id}-secret`} type="password" value={secret} onChange={(event) => setSecret(event.target.value)} spellCheck={false} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label (optional)</label>
        <input id={`${id}-label`} type="text" value={label} onChange={(event) => setLabel(event.target.value)} />
      </div>
      <p className="error" id={errorId} role="alert">
        {error}
      </p>
      <div role="status">
        {done && <p>{done}</p>}
        {warnings.length > 0 && (
          <ul className="warnings" aria-label="Warnings">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Import key
      </button>
    </form>
  );
}
