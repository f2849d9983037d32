import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../error-text';
import type { ApiKey } from '../store/accounts-store';
import type { CommandFormat, HttpMethod, RenderedCommand } from '../store/signer-store';
import { COMMAND_FORMAT_LABELS, METHODS, PRESETS, useSignerStore } from '../store/signer-store';

/** Milliseconds left on this computer's clock, updated every 100 ms until it runs out. */
function useMsLeft(expiresAtMs: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (expiresAtMs === null) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= expiresAtMs) window.clearInterval(timer);
    }, 100);
    return () => window.clearInterval(timer);
  }, [expiresAtMs]);
  return expiresAtMs === null ? null : Math.max(0, expiresAtMs - now);
}

/**
 * What Copy did, for the live region: when main clears the clipboard. A signed command always
 * goes, at its expiry at the latest; only the script, which holds no signature, stays.
 */
function copyAnnouncement(clearsInSeconds: number): string {
  // Whole seconds, rounded up: main clears at the command's expiry, which is rarely a whole second away.
  if (clearsInSeconds > 0) return `Copied; clears from the clipboard in ${Math.ceil(clearsInSeconds)} s.`;
  return 'Copied. The script holds no signature, so it stays on the clipboard.';
}

function SignedOutput({ rendered, copied, onSignAgain }: { rendered: RenderedCommand; copied: boolean; onSignAgain(): void }) {
  const left = useMsLeft(rendered.expiresAtMs);
  const stale = left !== null && left <= 0;
  return (
    <div className={stale ? 'signed-output stale' : 'signed-output'}>
      <pre aria-label="Signed command" className="mono" tabIndex={0}>
        {rendered.text}
      </pre>
      <p className="validity" aria-label="Validity">
        {left === null
          ? 'This script signs when it runs: it holds no signature and does not expire.'
          : stale
            ? 'Stale: the exchange would refuse this command now.'
            : `Valid for ${(left / 1000).toFixed(1)} s`}
      </p>
      {stale && (
        <button type="button" onClick={onSignAgain}>
          {copied ? 'Sign and copy again' : 'Sign again'}
        </button>
      )}
    </div>
  );
}

/** Where Send delivers: the account's host, or the whole base URL if it has none to show. */
function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * Signs a request with one of the account's keys: as a command copied or shown, or sent from
 * main to the account's base URL, whose host is shown beside Send.
 */
export function SignerPanel({ keys, baseUrl }: { keys: ApiKey[]; baseUrl: string }) {
  const state = useSignerStore();
  const { setKey, loadDefaults, reset } = state;
  const id = useId();

  useEffect(() => {
    void loadDefaults();
    return () => reset();
  }, [loadDefaults, reset]);

  useEffect(() => {
    if (state.keyId && !keys.some((key) => key.id === state.keyId)) setKey(null);
  }, [keys, state.keyId, setKey]);

  // Copy is the form's main action: signed at the moment of the click, as the nonce wants.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void state.copy();
  };
  const bodyAllowed = state.method === 'POST' || state.method === 'PUT' || state.method === 'PATCH';

  return (
    <section aria-labelledby={`${id}-heading`} className="signer">
      <h3 id={`${id}-heading`}>Signer</h3>
      <form onSubmit={submit} aria-label="Signer" noValidate>
        <div className="field">
          <label htmlFor={`${id}-key`}>Key</label>
          <select id={`${id}-key`} value={state.keyId ?? ''} onChange={(event) => setKey(event.target.value === '' ? null : event.target.value)}>
            <option value="">Choose a key</option>
            {keys.map((key) => (
              <option key={key.id} value={key.id}>
                {key.label ? `${key.kid} (${key.label})` : key.kid}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-preset`}>Endpoint</label>
          <select id={`${id}-preset`} value={state.presetId} onChange={(event) => state.choosePreset(event.target.value)}>
            {PRESETS.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.label} ({preset.method})
              </option>
            ))}
            <option value="custom">Custom</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-method`}>Method</label>
          <select id={`${id}-method`} value={state.method} onChange={(event) => state.setMethod(event.target.value as HttpMethod)}>
            {METHODS.map((method) => (
              <option key={method} value={method}>
                {method}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-path`}>Path</label>
          <input
            id={`${id}-path`}
            type="text"
            className="mono"
            value={state.path}
            onChange={(event) => state.setPath(event.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <fieldset>
          <legend>Query parameters</legend>
          {state.query.length === 0 && <p className="note">None.</p>}
          {state.query.map((row, index) => (
            <div className="query-row" key={row.id}>
              <input
                type="text"
                aria-label={`Parameter ${index + 1} name`}
                value={row.name}
                onChange={(event) => state.updateQueryRow(row.id, { name: event.target.value })}
                spellCheck={false}
                autoComplete="off"
              />
              <input
                type="text"
                aria-label={`Parameter ${index + 1} value`}
                value={row.value}
                onChange={(event) => state.updateQueryRow(row.id, { value: event.target.value })}
                spellCheck={false}
                autoComplete="off"
              />
              <button type="button" onClick={() => state.removeQueryRow(row.id)}>
                Remove parameter {index + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => state.addQueryRow()}>
            Add parameter
          </button>
        </fieldset>
        {bodyAllowed && (
          <div className="field">
            <label htmlFor={`${id}-body`}>JSON body</label>
            <textarea
              id={`${id}-body`}
              className="mono"
              rows={5}
              value={state.bodyText}
              onChange={(event) => state.setBody(event.target.value)}
              spellCheck={false}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} value={state.format} onChange={(event) => state.setFormat(event.target.value as CommandFormat)}>
            {COMMAND_FORMAT_LABELS.map(([format, label]) => (
              <option key={format} value={format}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <p className="error" role="alert">
          {state.inputError || (state.backendError ? errorText(state.backendError) : '')}
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={!state.keyId || state.busy !== null}>
            Copy
          </button>
          <button type="button" disabled={!state.keyId || state.busy !== null} onClick={() => void state.sign()}>
            Sign
          </button>
          <button type="button" disabled={!state.keyId || state.busy !== null} onClick={() => void state.send()} aria-describedby={`${id}-send-to`}>
            Send
          </button>
          <span className="note send-to" id={`${id}-send-to`}>
            to <span className="mono">{hostOf(baseUrl)}</span>
          </span>
        </div>
        {!state.keyId && <p className="note">Choose a key to sign with.</p>}
      </form>
      <p role="status">{state.rendered && state.copied ? copyAnnouncement(state.copied.clearsInSeconds) : ''}</p>
      {state.rendered && (
        <SignedOutput rendered={state.rendered} copied={state.copied !== null} onSignAgain={() => void (state.copied ? state.copy() : state.sign())} />
      )}
      {state.busy === 'send' && <p aria-busy="true">Sending…</p>}
      {state.sent && (
        <section aria-label="Answer" className="answer">
          <p role="status">
            Status {state.sent.status} in {Math.round(state.sent.totalMs)} ms
          </p>
          <pre aria-label="Answer body" className="mono" tabIndex={0}>
            {state.sent.pretty}
          </pre>
        </section>
      )}
    </section>
  );
}
