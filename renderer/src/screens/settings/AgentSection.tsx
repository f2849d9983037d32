import { useEffect, useId, useRef, useState } from 'react';
import { posixValue } from '../../../../app/commands/posix-quote';
import type { FormEvent } from 'react';
import { errorText } from '../../error-text';
import { useAgentStore } from '../../store/agent-store';
import type { AgentClient, AgentStatus } from '../../store/agent-store';
import { api } from '../../window-api';
import { OwnerProof, useOwnerProof } from '../OwnerProof';
import { FormMessage } from './FormMessage';
import { useFormAction } from './use-form-action';

function stateWords(status: AgentStatus): string {
  if (status.running) return 'On: programs on this computer given its token can ask for signatures.';
  if (status.enabled) return `On, but not serving: ${status.problem ?? 'it could not start.'}`;
  return 'Off: no program can ask the vault for a signature.';
}

const since = (client: AgentClient) => new Date(client.connectedAt).toLocaleTimeString();

/**
 * The signing agent: off until the owner turns it on (with the vault passphrase, or main's dialog),
 * then the two lines a program's environment needs, and the programs connected now, live.
 */
export function AgentSection() {
  const { status, loadError, load, setEnabled } = useAgentStore();
  const [confirming, setConfirming] = useState(false);
  const proof = useOwnerProof();
  const action = useFormAction();
  const id = useId();
  const switchRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // The switch takes the focus back when the passphrase form closes, once it is enabled again.
  useEffect(() => {
    if (!confirming && wasConfirming.current) switchRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  useEffect(() => {
    void load();
    return api().agent.onClients(({ clients }) => useAgentStore.getState().clientsChanged(clients));
  }, [load]);

  const toggle = () => {
    if (!status?.enabled) {
      setConfirming(true);
      return;
    }
    void action.run(
      () => setEnabled(false),
      () => action.done('The signing agent is off: connected programs were told it stopped.'),
    );
  };
  const turnOn = (event: FormEvent) => {
    event.preventDefault();
    void action.run(
      () => setEnabled(true, proof.take()),
      // The switch and its state line say it is on.
      () => setConfirming(false),
    );
  };
  const cancel = () => {
    proof.setPassphrase('');
    setConfirming(false);
  };

  return (
    <section aria-labelledby="agent-heading" className="settings-section">
      <h3 id="agent-heading">Signing agent</h3>
      <p id={`${id}-explanation`}>
        Lets your trading bots and scripts on this computer get signed requests from the vault without ever holding an API secret. Each key signs only what you
        allow it under Accounts, and every request is in the audit log.
      </p>
      {loadError && (
        <p className="error" role="alert">
          {errorText(loadError)}
        </p>
      )}
      {status && (
        <>
          <div className="switch-row">
            <button
              type="button"
              role="switch"
              ref={switchRef}
              aria-checked={status.enabled}
              aria-describedby={`${id}-state`}
              onClick={toggle}
              disabled={action.busy || confirming}
            >
              Signing agent: {status.enabled ? 'on' : 'off'}
            </button>
            <p id={`${id}-state`} role="status">
              {stateWords(status)}
            </p>
          </div>
          {confirming && (
            <form onSubmit={turnOn} aria-label="Turn on the signing agent" aria-describedby={`${id}-error`} aria-busy={action.busy} noValidate>
              <OwnerProof proof={proof} autoFocus waiting={action.busy} />
              <div className="actions">
                <button type="submit" disabled={action.busy}>
                  Turn on
                </button>
                <button type="button" onClick={cancel}>
                  Cancel
                </button>
              </div>
            </form>
          )}
          <FormMessage action={action} errorId={`${id}-error`} />
          {status.enabled && <ProgramSetup status={status} />}
        </>
      )}
    </section>
  );
}

/** Where a program finds the agent, and who is connected now. */
function ProgramSetup({ status }: { status: AgentStatus }) {
  const id = useId();
  return (
    <>
      <h4 id={`${id}-env`}>For a program&apos;s environment</h4>
      <p className="hint">Set these two variables where your bot runs; barong-vault sign --key and exec read them too.</p>
      <pre className="mono environment" aria-labelledby={`${id}-env`} tabIndex={0}>
        {`BARONG_AGENT=${posixValue(status.socket)}\nBARONG_AGENT_TOKEN_FILE=${posixValue(status.tokenFile)}`}
      </pre>
      <h4 id={`${id}-clients`}>Connected programs</h4>
      {status.clients.length === 0 ? (
        <p>No program is connected.</p>
      ) : (
        <ul aria-labelledby={`${id}-clients`} className="client-list">
          {status.clients.map((client, index) => (
            <li key={`${client.name}-${client.connectedAt}-${index}`}>
              <strong>{client.name}</strong>, connected since {since(client)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
