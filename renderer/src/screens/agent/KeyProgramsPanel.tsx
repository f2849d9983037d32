import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { POLICY_LIMITS, policyForLevel } from '../../../../app/domain/agent-policy';
import type { KeyPolicy } from '../../../../app/domain/agent-policy';
import type { ApiKey } from '../../store/accounts-store';
import { useAccountsStore } from '../../store/accounts-store';
import { useAgentStore } from '../../store/agent-store';
import { api } from '../../window-api';
import { OwnerProof, useOwnerProof } from '../OwnerProof';
import { FormMessage } from '../settings/FormMessage';
import { useFormAction } from '../settings/use-form-action';
import { CHOICE_WORDS, choiceOf } from './policy-words';
import type { PolicyChoice } from './policy-words';

const keyName = (key: ApiKey) => (key.label === '' ? key.kid : key.label);

const wholeNumber = (text: string, max: number): number | null => {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : null;
};

/** One key and local programs: what they may sign with it (privileged at every change), and a signing proxy for it. */
export function KeyProgramsPanel({ apiKey, onClose }: { apiKey: ApiKey; onClose(): void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby={`${id}-heading`} className="key-programs">
      <h4 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        Programs and {keyName(apiKey)}
      </h4>
      <PolicyForm apiKey={apiKey} />
      <ProxyControl apiKey={apiKey} />
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

function PolicyForm({ apiKey }: { apiKey: ApiKey }) {
  const current = apiKey.policy;
  const [choice, setChoice] = useState<PolicyChoice>(choiceOf(current));
  const [requests, setRequests] = useState(String(current.budget.requests));
  const [windowSeconds, setWindowSeconds] = useState(String(current.budget.windowSeconds));
  const proof = useOwnerProof();
  const action = useFormAction();
  const id = useId();
  const choices: PolicyChoice[] = choiceOf(current) === 'custom' ? ['off', 'read', 'trade', 'all', 'custom'] : ['off', 'read', 'trade', 'all'];

  const save = (event: FormEvent) => {
    event.preventDefault();
    const typed = { requests: wholeNumber(requests, POLICY_LIMITS.maxRequests), windowSeconds: wholeNumber(windowSeconds, POLICY_LIMITS.maxWindowSeconds) };
    if (choice !== 'off' && (typed.requests === null || typed.windowSeconds === null))
      return action.refuse(`The budget is whole numbers: 1 to ${POLICY_LIMITS.maxRequests} requests per 1 to ${POLICY_LIMITS.maxWindowSeconds} seconds.`);
    // Closing a key keeps its budget as it was, for when it is opened again.
    const budget = { requests: typed.requests ?? current.budget.requests, windowSeconds: typed.windowSeconds ?? current.budget.windowSeconds };
    const next: KeyPolicy =
      choice === 'off' ? { ...current, agentUse: false } : choice === 'custom' ? { ...current, agentUse: true, budget } : policyForLevel(choice, budget);
    void action.run(
      async () => {
        const result = await api().keys.setPolicy({ keyId: apiKey.id, policy: next, ...proof.take() });
        if (!result.ok) return result.error;
        await useAccountsStore.getState().refreshKeys(apiKey.accountId);
        return null;
      },
      () => action.done(choice === 'off' ? 'Saved: no program may sign with this key.' : `Saved: programs may ${CHOICE_WORDS[choice].label.toLowerCase()}.`),
    );
  };

  return (
    <form onSubmit={save} aria-label={`What programs may sign with ${keyName(apiKey)}`} aria-describedby={`${id}-error`} aria-busy={action.busy} noValidate>
      <fieldset>
        <legend>Programs may</legend>
        {choices.map((option) => (
          <div className="choice" key={option}>
            <input
              type="radio"
              id={`${id}-${option}`}
              name={`${id}-choice`}
              checked={choice === option}
              onChange={() => setChoice(option)}
              aria-describedby={`${id}-${option}-explanation`}
            />
            <label htmlFor={`${id}-${option}`}>{CHOICE_WORDS[option].label}</label>
            <p className="explanation" id={`${id}-${option}-explanation`}>
              {CHOICE_WORDS[option].explanation}
            </p>
          </div>
        ))}
      </fieldset>
      <fieldset disabled={choice === 'off'}>
        <legend>Budget, shared by every program using this key</legend>
        <div className="inline-choices">
          <div className="field">
            <label htmlFor={`${id}-requests`}>Requests</label>
            <input id={`${id}-requests`} type="number" className="short" min={1} value={requests} onChange={(event) => setRequests(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-window`}>Per seconds</label>
            <input
              id={`${id}-window`}
              type="number"
              className="short"
              min={1}
              value={windowSeconds}
              onChange={(event) => setWindowSeconds(event.target.value)}
            />
          </div>
        </div>
      </fieldset>
      <OwnerProof proof={proof} waiting={action.busy} />
      <FormMessage action={action} errorId={`${id}-error`} />
      <button type="submit" disabled={action.busy}>
        Save
      </button>
    </form>
  );
}

/** A signing proxy for the key: started with the owner's proof, its address shown to copy through main (cleared like a signed command), stopped at will. */
function ProxyControl({ apiKey }: { apiKey: ApiKey }) {
  const { status, load, startProxy, stopProxy } = useAgentStore();
  const proof = useOwnerProof();
  const action = useFormAction();
  const id = useId();
  const running = status?.proxies.find((proxy) => proxy.keyId === apiKey.id);

  useEffect(() => {
    if (!status) void load();
  }, [status, load]);

  const start = (event: FormEvent) => {
    event.preventDefault();
    void action.run(
      () => startProxy(apiKey.id, proof.take()),
      () => action.done('The proxy is running.'),
    );
  };
  const copy = () =>
    void action.run(async () => {
      const result = await api().agent.copyProxyUrl({ keyId: apiKey.id });
      if (!result.ok) return result.error;
      const { clearsInSeconds } = result.value;
      action.done(clearsInSeconds > 0 ? `Copied; clears from the clipboard in ${clearsInSeconds} s.` : 'Copied.');
      return null;
    });
  const stop = () =>
    void action.run(
      () => stopProxy(apiKey.id),
      () => action.done('The proxy stopped: its address no longer works.'),
    );

  return (
    <div role="group" aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`}>Signing proxy</h5>
      {running ? (
        <>
          <p id={`${id}-explanation`}>
            Give a bot this address as its exchange URL: each request through it is signed with this key, as allowed above. Anyone on this computer with the
            address can use it, so keep it like a password.
          </p>
          <div className="field">
            <label htmlFor={`${id}-url`}>Proxy address</label>
            <input id={`${id}-url`} type="text" className="mono" readOnly value={running.url} aria-describedby={`${id}-explanation`} />
          </div>
          <div className="actions">
            <button type="button" onClick={copy} disabled={action.busy}>
              Copy address
            </button>
            <button type="button" onClick={stop} disabled={action.busy}>
              Stop proxy
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={start} aria-label={`Start a signing proxy for ${keyName(apiKey)}`} aria-describedby={`${id}-hint ${id}-error`} noValidate>
          <p className="hint" id={`${id}-hint`}>
            For a bot that cannot sign: it sends its requests to a local address, and the vault adds the signature.
          </p>
          <OwnerProof proof={proof} waiting={action.busy} />
          <button type="submit" disabled={action.busy || !apiKey.policy.agentUse}>
            Start proxy
          </button>
          {!apiKey.policy.agentUse && <p className="note">Choose what programs may sign with this key first.</p>}
        </form>
      )}
      <FormMessage action={action} errorId={`${id}-error`} />
    </div>
  );
}
