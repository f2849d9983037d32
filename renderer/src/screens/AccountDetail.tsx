import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../error-text';
import { useAccountsStore } from '../store/accounts-store';
import type { AccountSummary } from '../store/accounts-store';
import { useAgentStore } from '../store/agent-store';
import { KeyProgramsPanel } from './agent/KeyProgramsPanel';
import { policySummary } from './agent/policy-words';
import { AccountForm } from './AccountForm';
import { ExchangeSection } from './exchange/ExchangeSection';
import { KeyImportForm } from './KeyImportForm';
import { KeyReveal } from './KeyReveal';
import { SignerPanel } from './SignerPanel';

const keysWord = (count: number) => `${count} ${count === 1 ? 'key' : 'keys'}`;

/** One account: its fields, edit, remove (after a second, explicit confirmation), its keys. */
export function AccountDetail({ account }: { account: AccountSummary }) {
  const { update, remove, select, keys } = useAccountsStore();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const [revealingId, setRevealingId] = useState<string | null>(null);
  const revealing = keys?.find((key) => key.id === revealingId);
  const stopRevealing = useCallback(() => setRevealingId(null), []);
  const [programsKeyId, setProgramsKeyId] = useState<string | null>(null);
  const programsKey = keys?.find((key) => key.id === programsKeyId);
  const proxies = useAgentStore((state) => state.status?.proxies);
  useEffect(() => {
    void useAgentStore.getState().load();
  }, []);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const confirmRemove = async () => {
    const failure = await remove(account.id);
    if (failure) {
      setConfirming(false);
      setError(errorText(failure));
    }
  };

  return (
    <section aria-labelledby="account-heading" className="account-detail">
      <h2 id="account-heading">{account.name}</h2>
      <button type="button" onClick={() => void select(null)}>
        Back to all accounts
      </button>
      {editing ? (
        <AccountForm
          account={account}
          submitLabel="Save account"
          onSubmit={async (fields, owner) => {
            const failure = await update({ accountId: account.id, fields, ...owner });
            if (!failure) setEditing(false);
            return failure;
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl>
            <dt>Base URL</dt>
            <dd>{account.baseUrl}</dd>
            <dt>Nonce lifetime</dt>
            <dd>{account.nonceLifetimeMs} ms</dd>
            <dt>Login email</dt>
            <dd>{account.loginEmail ?? 'none'}</dd>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              Edit account
            </button>
            <button type="button" ref={removeRef} onClick={() => setConfirming(true)} disabled={confirming}>
              Remove account
            </button>
          </div>
        </>
      )}
      {confirming && (
        <div
          role="alertdialog"
          aria-labelledby="remove-question"
          className="confirmation"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setConfirming(false);
            }
          }}
        >
          <p id="remove-question">
            Remove {account.name} and the {keysWord(account.keys.length)} that go with it from this vault? The keys stay on the exchange.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void confirmRemove()}>
              Yes, remove {account.name}
            </button>
            <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
              Keep the account
            </button>
          </div>
        </div>
      )}
      <p className="error" role="alert">
        {error}
      </p>
      <h3>Keys</h3>
      {keys === null && <p aria-busy="true">Loading the keys…</p>}
      {keys?.length === 0 && <p>No keys yet.</p>}
      {keys && keys.length > 0 && (
        <table aria-label="Keys">
          <thead>
            <tr>
              <th scope="col">Kid</th>
              <th scope="col">Label</th>
              <th scope="col">State</th>
              <th scope="col">Origin</th>
              <th scope="col">Secret</th>
              <th scope="col">Programs</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td className="mono">{key.kid}</td>
                <td>{key.label}</td>
                <td>{key.remoteState.replace('_', ' ')}</td>
                <td>{key.origin}</td>
                <td>
                  <button type="button" aria-label={`Reveal the secret of ${key.kid}`} onClick={() => setRevealingId(key.id)}>
                    Reveal
                  </button>
                </td>
                <td>
                  {policySummary(key.policy)}
                  {proxies?.some((proxy) => proxy.keyId === key.id) && ', proxy running'}{' '}
                  <button type="button" className="link" aria-label={`Change what programs may sign with ${key.kid}`} onClick={() => setProgramsKeyId(key.id)}>
                    Change
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revealing && <KeyReveal apiKey={revealing} onClose={stopRevealing} key={revealing.id} />}
      {programsKey && <KeyProgramsPanel apiKey={programsKey} onClose={() => setProgramsKeyId(null)} key={programsKey.id} />}
      <KeyImportForm accountId={account.id} key={account.id} />
      <ExchangeSection account={account} key={`exchange-${account.id}`} />
      {keys && keys.length > 0 && <SignerPanel keys={keys} baseUrl={account.baseUrl} key={`signer-${account.id}`} />}
    </section>
  );
}
