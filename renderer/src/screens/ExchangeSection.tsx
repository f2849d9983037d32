import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../error-text';
import { useAccountsStore } from '../store/accounts-store';
import type { AccountSummary } from '../store/accounts-store';
import type { KeyAction, KeyTest } from '../store/exchange-store';
import { useExchangeStore } from '../store/exchange-store';
import type { ErrorInfo } from '../../../app/contract/result';
import { api } from '../window-api';

const PURPOSE_WORDS = { login: 'the login', 'create-key': 'creating the key', 'change-key': 'changing the key', 'delete-key': 'deleting the key' } as const;

const keyActionWords = (action: KeyAction) =>
  action.kind === 'create' ? 'create the key' : action.kind === 'delete' ? `delete key ${action.kid}` : `${action.kind} key ${action.kid}`;

function testWords(result: KeyTest | ErrorInfo): string {
  if ('works' in result) {
    if (result.works) return `Works: ${result.balances.length} ${result.balances.length === 1 ? 'balance' : 'balances'} read in ${Math.round(result.totalMs)} ms.`;
    return result.problem.action ? `${result.problem.message} ${result.problem.action}` : result.problem.message;
  }
  return errorText(result);
}

/** The 2FA code box of the login and of the key changes. */
function CodeField({ id, code, onChange, refusal }: { id: string; code: string; onChange(code: string): void; refusal: ErrorInfo | null }) {
  const inputRef = useRef<HTMLInputElement>(null);
  // A refused code is of no more use: the field is emptied and focused for the next one.
  useEffect(() => {
    if (!refusal) return;
    onChange('');
    inputRef.current?.focus();
  }, [refusal, onChange]);
  return (
    <div className="field">
      <label htmlFor={`${id}-code`}>2FA code</label>
      <input
        id={`${id}-code`}
        ref={inputRef}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        className="mono"
        value={code}
        onChange={(event) => onChange(event.target.value)}
        autoFocus
      />
    </div>
  );
}

/** A 6-digit code for a call the exchange answered with `code_needed`. */
function CodeForm({ label, what, failed, onSubmit, onCancel }: { label: string; what: string; failed: ErrorInfo | null; onSubmit(code: string): void; onCancel(): void }) {
  const id = useId();
  const [code, setCode] = useState('');
  return (
    <form
      aria-label={label}
      className="code-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(code);
      }}
    >
      <p>The exchange asks for a 2FA code to {what}.</p>
      <CodeField id={id} code={code} onChange={setCode} refusal={failed} />
      <div className="actions">
        <button type="submit" disabled={code.trim() === ''}>
          Send the code
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function LoginForm({ account }: { account: AccountSummary }) {
  const state = useExchangeStore();
  const id = useId();
  const [email, setEmail] = useState(account.loginEmail ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void state.login(email.trim(), password, state.loginCodeNeeded ? code : undefined).then(() => {
      if (useExchangeStore.getState().session?.status === 'logged_in') setPassword('');
    });
  };
  return (
    <form aria-label="Log in" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
      </div>
      {state.loginCodeNeeded && <CodeField id={id} code={code} onChange={setCode} refusal={state.loginError} />}
      {state.loginCodeNeeded && <p className="note">The account has 2FA on: enter the current code from the authenticator app.</p>}
      <p className="error" role="alert">
        {state.loginError ? errorText(state.loginError) : ''}
      </p>
      <div className="actions">
        <button type="submit" disabled={state.busy === 'login' || email.trim() === '' || password === ''}>
          Log in
        </button>
        {state.loginCodeNeeded && (
          <button type="button" onClick={() => state.cancelLoginCode()}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function KeysOnExchange() {
  const state = useExchangeStore();
  const id = useId();
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState('');
  const rec = state.reconciliation;
  const vaultKeys = useAccountsStore((accounts) => accounts.keys);
  // A key whose state this listing brought in line (imported with its state unknown, or disabled on
  // the exchange's site) is on both sides too: it keeps its row and its actions.
  const brought = (rec?.stateChanges ?? []).flatMap((change) => {
    const key = change.to === 'deleted_remotely' ? undefined : vaultKeys?.find((vaultKey) => vaultKey.id === change.keyId);
    return key ? [{ ...key, remoteState: change.to }] : [];
  });
  const onBothSides = [...(rec?.inSync ?? []), ...brought];
  const testCell = (keyId: string) => {
    const result = state.keyTests[keyId];
    return result ? <span role="status">{testWords(result)}</span> : null;
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Keys on the exchange</h4>
      <button type="button" onClick={() => void state.reconcile()} disabled={state.busy !== null}>
        {rec ? 'Refresh keys' : 'List keys on the exchange'}
      </button>
      {rec && (
        <table aria-label="Keys on the exchange">
          <thead>
            <tr>
              <th scope="col">Kid</th>
              <th scope="col">Scopes</th>
              <th scope="col">Reconciliation</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {onBothSides.map((key) => (
              <tr key={key.id}>
                <td className="mono">{key.kid}</td>
                <td>{key.scopes.join(', ')}</td>
                <td>In vault and in sync ({key.remoteState})</td>
                <td>
                  <div className="actions">
                    <button type="button" aria-label={`Test key ${key.kid}`} onClick={() => void state.testKey(key.id)}>
                      Test key
                    </button>
                    {key.remoteState === 'active' ? (
                      <button type="button" aria-label={`Disable key ${key.kid}`} disabled={state.busy !== null} onClick={() => void state.runKeyAction({ kind: 'disable', keyId: key.id, kid: key.kid })}>
                        Disable
                      </button>
                    ) : (
                      <button type="button" aria-label={`Enable key ${key.kid}`} disabled={state.busy !== null} onClick={() => void state.runKeyAction({ kind: 'enable', keyId: key.id, kid: key.kid })}>
                        Enable
                      </button>
                    )}
                    <button type="button" aria-label={`Delete key ${key.kid}`} disabled={state.busy !== null} onClick={() => void state.runKeyAction({ kind: 'delete', keyId: key.id, kid: key.kid })}>
                      Delete
                    </button>
                  </div>
                  {testCell(key.id)}
                </td>
              </tr>
            ))}
            {rec.onlyOnExchange.map((key) => (
              <tr key={`remote-${key.kid}`}>
                <td className="mono">{key.kid}</td>
                <td>{key.scopes.join(', ')}</td>
                <td>
                  Only on the exchange ({key.state}): secret unknown, created elsewhere
                  {/* The exchange cannot say which key an interrupted creation made: this may be it. */}
                  {state.pending.length > 0 && ' or by an unfinished creation'}
                </td>
                <td />
              </tr>
            ))}
            {rec.onlyInVault.map((key) => (
              <tr key={key.id}>
                <td className="mono">{key.kid}</td>
                <td>{key.scopes.join(', ')}</td>
                <td>Only in the vault: deleted remotely</td>
                <td>
                  <button type="button" aria-label={`Test key ${key.kid}`} onClick={() => void state.testKey(key.id)}>
                    Test key
                  </button>
                  {testCell(key.id)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rec && rec.stateChanges.length > 0 && (
        <ul aria-label="State changes">
          {rec.stateChanges.map((change) => (
            <li key={change.keyId}>
              {change.kid}: {change.from.replace('_', ' ')} → {change.to.replace('_', ' ')}
            </li>
          ))}
        </ul>
      )}
      {state.pending.length > 0 && (
        <section aria-label="Unfinished key creations">
          <p>These key creations were interrupted: the exchange may hold a key whose secret was never saved.</p>
          <ul>
            {state.pending.map((creation) => (
              <li key={creation.id}>
                {creation.label || 'Unlabelled key'} ({creation.scopes.join(', ') || 'no scopes'}), started {new Date(creation.startedAt).toLocaleString()}{' '}
                <button type="button" aria-label={`Dismiss ${creation.label || 'unlabelled key'} creation`} onClick={() => void state.dismissCreation(creation.id)}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        aria-label="Create key"
        onSubmit={(event) => {
          event.preventDefault();
          const list = scopes.split(/[\s,]+/).filter((scope) => scope !== '');
          void state.runKeyAction({ kind: 'create', label: label.trim(), scopes: list });
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor={`${id}-label`}>Label</label>
          <input id={`${id}-label`} type="text" value={label} onChange={(event) => setLabel(event.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-scopes`}>Scopes (comma separated)</label>
          <input id={`${id}-scopes`} type="text" value={scopes} onChange={(event) => setScopes(event.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <button type="submit" disabled={state.busy !== null}>
          Create key
        </button>
      </form>
      {state.keyCodeFor && (
        <CodeForm
          key={JSON.stringify(state.keyCodeFor)}
          label="Key change code"
          what={keyActionWords(state.keyCodeFor)}
          failed={state.keysError}
          onSubmit={(code) => {
            if (state.keyCodeFor) void state.runKeyAction(state.keyCodeFor, code);
          }}
          onCancel={() => state.cancelKeyCode()}
        />
      )}
      {state.busy === 'key' && <p aria-busy="true">Waiting for the exchange…</p>}
      <p role="status">{state.keysNote}</p>
      <p className="error" role="alert">
        {state.keysError ? errorText(state.keysError) : ''}
      </p>
    </section>
  );
}

/** The account on the exchange: session, clock, balances, and the keys as the exchange sees them. */
export function ExchangeSection({ account }: { account: AccountSummary }) {
  const state = useExchangeStore();
  const { open, reset, setCodeWait } = state;
  const id = useId();

  useEffect(() => {
    void open(account.id);
    const unsubscribe = api().exchange.onCodeWait((payload) => setCodeWait(payload.accountId, payload.purpose, payload.secondsLeft));
    return () => {
      unsubscribe();
      reset();
    };
  }, [account.id, open, reset, setCodeWait]);

  const session = state.session;
  const clock = state.clock;
  const clockWarning = clock !== null && (clock.warning?.exceedsLifetime === true || Math.abs(clock.offsetMs) > account.nonceLifetimeMs / 2);

  return (
    <section aria-labelledby={`${id}-heading`} className="exchange">
      <h3 id={`${id}-heading`}>Exchange</h3>
      <p role="status" aria-label="Session">
        {session === null
          ? 'Checking the session…'
          : session.status === 'logged_out'
            ? 'Logged out.'
            : session.status === 'expired'
              ? `The session of ${session.user.email} expired: log in again.`
              : `Logged in as ${session.user.email} (uid ${session.user.uid}, level ${session.user.level}, 2FA ${session.user.otp ? 'on' : 'off'}).`}
      </p>
      <div className="clock">
        <p aria-label="Clock offset">
          {clock === null
            ? 'Clock not synced with the exchange yet.'
            : `Clock offset ${Math.round(clock.offsetMs)} ms (± ${Math.round(clock.uncertaintyMs)} ms, from ${clock.source}).`}
        </p>
        {clockWarning && clock && (
          <p className="error" role="alert">
            The clocks differ by more than half the nonce lifetime ({account.nonceLifetimeMs} ms): signed requests may be refused. Fix this computer&apos;s clock.
          </p>
        )}
        <button type="button" onClick={() => void state.syncClock()} disabled={state.busy === 'clock'}>
          Sync clock
        </button>
      </div>
      {state.codeWait && (
        <p role="status" aria-label="Code wait">
          The 2FA code was just used: waiting {Math.ceil(state.codeWait.secondsLeft)} s for the next one, for {PURPOSE_WORDS[state.codeWait.purpose]}.
        </p>
      )}
      {session?.status !== 'logged_in' && <LoginForm account={account} key={account.id} />}
      {session?.status === 'logged_in' && (
        <div className="actions">
          <button type="button" onClick={() => void state.validate()} disabled={state.busy !== null}>
            Validate
          </button>
          <button type="button" onClick={() => void state.logout()} disabled={state.busy !== null}>
            Log out
          </button>
        </div>
      )}
      <p className="error" role="alert">
        {state.sessionError ? errorText(state.sessionError) : ''}
      </p>
      {state.balances && (
        <table aria-label="Balances">
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col">Balance</th>
              <th scope="col">Locked</th>
            </tr>
          </thead>
          <tbody>
            {state.balances.map((balance) => (
              <tr key={balance.currency}>
                <td>{balance.currency}</td>
                <td className="mono">{balance.balance}</td>
                <td className="mono">{balance.locked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {session?.status === 'logged_in' && <KeysOnExchange />}
    </section>
  );
}
