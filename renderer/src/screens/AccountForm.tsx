import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ErrorInfo } from '../../../app/contract/result';
import { DEFAULT_NONCE_LIFETIME_MS } from '../../../app/domain/clock';
import { errorText } from '../error-text';
import type { Account, AccountFields } from '../store/accounts-store';
import { BaseUrlChange, isBaseUrlChange } from './BaseUrlChange';
import { useOwnerProof } from './OwnerProof';
import type { OwnerProofRequest } from './OwnerProof';

interface AccountFormProps {
  /** The account being edited; absent when adding one. */
  account?: Account;
  submitLabel: string;
  /** `owner` is the owner's proof, given when an edit changes the base URL. */
  onSubmit(fields: AccountFields, owner: OwnerProofRequest): Promise<ErrorInfo | null>;
  onCancel(): void;
}

/**
 * Add or edit an account; the backend checks the fields and its message is shown beside the form.
 * An edit of the base URL says where requests will go instead and asks the owner's proof.
 */
export function AccountForm({ account, submitLabel, onSubmit, onCancel }: AccountFormProps) {
  const [name, setName] = useState(account?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(account?.baseUrl ?? '');
  const [nonceLifetime, setNonceLifetime] = useState(String(account?.nonceLifetimeMs ?? DEFAULT_NONCE_LIFETIME_MS));
  const [loginEmail, setLoginEmail] = useState(account?.loginEmail ?? '');
  const [sandboxPort, setSandboxPort] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const proof = useOwnerProof();
  const id = useId();
  const redirects = account !== undefined && isBaseUrlChange(account.baseUrl, baseUrl);
  const errorId = `${id}-error`;

  const useSandbox = () => {
    const port = sandboxPort.trim();
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
      setError('Type the port the sandbox printed when it started (npm run sandbox), then choose the Sandbox preset.');
      return;
    }
    setError('');
    setName('Sandbox');
    setBaseUrl(`http://127.0.0.1:${port}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lifetime = Number(nonceLifetime);
    if (nonceLifetime.trim() === '' || !Number.isFinite(lifetime)) {
      setError('The nonce lifetime is a number of milliseconds, such as 5000.');
      return;
    }
    setError('');
    setBusy(true);
    const failure = await onSubmit(
      { name, baseUrl, nonceLifetimeMs: lifetime, loginEmail: loginEmail.trim() === '' ? null : loginEmail },
      redirects ? proof.take() : {},
    );
    setBusy(false);
    if (failure) setError(errorText(failure));
  };

  return (
    <form onSubmit={submit} aria-describedby={errorId} aria-label={submitLabel} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} type="text" value={name} onChange={(event) => setName(event.target.value)} autoFocus />
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>Base URL</label>
        <input id={`${id}-url`} type="url" className="wide" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} spellCheck={false} />
      </div>
      {redirects && <BaseUrlChange from={account.baseUrl} to={baseUrl} proof={proof} waiting={busy} id={`${id}-redirect`} />}
      <div className="field">
        <label htmlFor={`${id}-lifetime`}>Nonce lifetime (ms)</label>
        <input
          id={`${id}-lifetime`}
          type="number"
          className="short"
          min={1000}
          step={1}
          value={nonceLifetime}
          onChange={(event) => setNonceLifetime(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>Login email (optional)</label>
        <input id={`${id}-email`} type="email" value={loginEmail} onChange={(event) => setLoginEmail(event.target.value)} autoComplete="email" />
      </div>
      {!account && (
        <details className="developer">
          <summary>Developer: the local sandbox</summary>
          <p className="note">Fills in the sandbox that npm run sandbox started on this computer.</p>
          <div className="fields-row">
            <div className="field">
              <label htmlFor={`${id}-port`}>Sandbox port</label>
              <input id={`${id}-port`} type="text" inputMode="numeric" size={6} value={sandboxPort} onChange={(event) => setSandboxPort(event.target.value)} />
            </div>
            <div className="field">
              <button type="button" onClick={useSandbox}>
                Sandbox
              </button>
            </div>
          </div>
        </details>
      )}
      <p className="error" id={errorId} role="alert">
        {error}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
