import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ErrorInfo } from '../../../../app/contract/result';
import { errorText } from '../../error-text';
import { hostOf } from '../../host-of';
import type { AccountSummary, ApiKey } from '../../store/accounts-store';
import type { CommandFormat, HttpMethod, ReusedRequest } from '../../store/signer-store';
import { buildRequest, COMMAND_FORMAT_LABELS, METHODS, PRESETS, useSignerStore } from '../../store/signer-store';
import { useViewStore } from '../../store/view-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ariaShortcut, isShortcut, shortcutLabel } from '../../ui/shortcuts';
import type { Shortcut } from '../../ui/shortcuts';
import { actionQuestion } from './action-words';
import { CommandWords } from './CommandWords';
import { CountdownPill } from './CountdownPill';
import { KeyPicker, preferredKey, signable } from './KeyPicker';
import { placeholdersOf } from './path-placeholders';
import { RecentRequests } from './RecentRequests';
import { ResponsePanel } from './ResponsePanel';
import { SavedRequests } from './SavedRequests';
import { asksBeforeSend, setAsksBeforeSend } from './send-confirmation';

const COPY: Shortcut = 'Mod+Shift+C';
const SEND: Shortcut = 'Mod+Enter';
/** How long Copy reads "Copied ✓". */
const COPIED_FLASH_MS = 1500;
/** Failures after which a state-changing request may have reached the exchange and taken effect: the answer was lost, or the server failed midway. */
const OUTCOME_UNKNOWN_CODES = new Set(['network.timeout', 'network.reset']);
const mayHaveTakenEffect = (failure: ErrorInfo) => OUTCOME_UNKNOWN_CODES.has(failure.code) || (failure.status !== undefined && failure.status >= 500);

/** What Copy did, for the live region: when main clears the clipboard, if it does. */
function copyAnnouncement(clearsInSeconds: number): string {
  // Whole seconds, rounded up: main clears at the command's expiry, which is rarely a whole second away.
  if (clearsInSeconds > 0) return `Copied; clears from the clipboard in ${Math.ceil(clearsInSeconds)} s.`;
  return 'Copied. The script holds no signature, so it stays on the clipboard.';
}

/**
 * Signs a request with one of the account's keys: copied, shown, or sent from main to the
 * account's base URL (named beside Send). A state-changing Send asks first, in words that name it.
 */
export function SignerPanel({ account, keys }: { account: AccountSummary; keys: ApiKey[] }) {
  const state = useSignerStore();
  const { setKey, loadDefaults, reset } = state;
  const id = useId();
  const [question, setQuestion] = useState<string | null>(null);
  const [stopAsking, setStopAsking] = useState(false);
  const [copiedFlash, setCopiedFlash] = useState(false);
  const signerKid = useViewStore((view) => view.signerKid);
  const signerRequest = useViewStore((view) => view.signerRequest);
  const pathInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadDefaults();
    return () => reset();
  }, [loadDefaults, reset]);

  // The key: the one asked for (palette, a key row's Use in signer), else the last one used here.
  useEffect(() => {
    const asked = signerKid === null ? undefined : keys.find((key) => key.kid === signerKid && signable(key));
    if (signerKid !== null) useViewStore.getState().signerKidTaken();
    const current = keys.find((key) => key.id === state.keyId && signable(key));
    const chosen = asked ?? current ?? preferredKey(keys);
    if ((chosen?.id ?? null) !== state.keyId) setKey(chosen?.id ?? null);
  }, [keys, signerKid, state.keyId, setKey]);

  // The request asked for (an audit row's Sign again), put in the form once the signer is up. The
  // button that asked is gone with its view: the focus goes to the path, where Enter signs and copies.
  useEffect(() => {
    if (signerRequest === null) return;
    useSignerStore.getState().reuse(signerRequest);
    useViewStore.getState().signerRequestTaken();
    pathInput.current?.focus();
  }, [signerRequest]);

  useEffect(() => {
    if (!copiedFlash) return undefined;
    const timer = window.setTimeout(() => setCopiedFlash(false), COPIED_FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [copiedFlash]);

  const ready = state.keyId !== null && state.busy === null;
  const copy = async () => {
    await state.copy();
    if (useSignerStore.getState().copied) setCopiedFlash(true);
  };
  const send = () => {
    if (!ready) return;
    const built = buildRequest(state);
    if ('request' in built && built.request.method !== 'GET' && asksBeforeSend(account.id)) {
      setStopAsking(false);
      setQuestion(actionQuestion(built.request, account.name));
      return;
    }
    void state.send();
  };
  const confirmSend = () => {
    if (stopAsking) setAsksBeforeSend(account.id, false);
    setQuestion(null);
    void state.send();
  };

  // Cmd/Ctrl+Enter sends, Cmd/Ctrl+Shift+C copies; not while a dialog (the palette, a question) is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if (isShortcut(event, SEND)) send();
      else if (isShortcut(event, COPY)) {
        if (ready) void copy();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Copy is the form's main action: signed at the moment of the click, as the nonce wants.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void copy();
  };
  // What a saved or recent request offers: put it in the form, and sign or send it from there.
  const requestActions = {
    onLoad: (request: ReusedRequest) => state.reuse(request),
    onSignAgain: (request: ReusedRequest) => {
      state.reuse(request);
      void state.sign();
    },
    onSendAgain: (request: ReusedRequest) => {
      state.reuse(request);
      void state.send();
    },
  };
  const bodyAllowed = state.method === 'POST' || state.method === 'PUT' || state.method === 'PATCH';
  const placeholders = placeholdersOf(state.path);
  const failure = state.backendError;
  const outcomeUnknown = failure !== null && state.sentMethod !== null && state.sentMethod !== 'GET' && mayHaveTakenEffect(failure);
  const host = hostOf(account.baseUrl);

  return (
    <section aria-labelledby={`${id}-heading`} className="signer">
      <h3 id={`${id}-heading`} className="visually-hidden">
        Signer
      </h3>
      <form onSubmit={submit} aria-label="Signer" noValidate>
        <div className="fields-row">
          <KeyPicker id={`${id}-key`} keys={keys} keyId={state.keyId} onChoose={setKey} />
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
        </div>
        <div className="request-line">
          <div className="field">
            <label htmlFor={`${id}-method`}>Method</label>
            <select id={`${id}-method`} className="method" value={state.method} onChange={(event) => state.setMethod(event.target.value as HttpMethod)}>
              {METHODS.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </select>
          </div>
          <div className="field path-field">
            <label htmlFor={`${id}-path`}>Path</label>
            <input
              ref={pathInput}
              id={`${id}-path`}
              type="text"
              className="mono wide"
              value={state.path}
              onChange={(event) => state.setPath(event.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          </div>
        </div>
        {placeholders.length > 0 && (
          <div className="fields-row placeholders">
            {placeholders.map((name) => (
              <div className="field" key={name}>
                <label htmlFor={`${id}-path-${name}`}>{name}</label>
                <input
                  id={`${id}-path-${name}`}
                  type="text"
                  className="mono"
                  size={14}
                  value={state.pathValues[name] ?? ''}
                  onChange={(event) => state.setPathValue(name, event.target.value)}
                  spellCheck={false}
                  autoComplete="off"
                />
              </div>
            ))}
          </div>
        )}
        <fieldset className="query">
          <legend>Query parameters</legend>
          {state.query.map((row, index) => (
            <div className="query-row" key={row.id}>
              {(['name', 'value'] as const).map((part) => (
                <input
                  key={part}
                  type="text"
                  className="mono"
                  aria-label={`Parameter ${index + 1} ${part}`}
                  placeholder={part}
                  value={row[part]}
                  onChange={(event) => state.updateQueryRow(row.id, { [part]: event.target.value })}
                  spellCheck={false}
                  autoComplete="off"
                />
              ))}
              <button type="button" className="quiet" onClick={() => state.removeQueryRow(row.id)}>
                Remove parameter {index + 1}
              </button>
            </div>
          ))}
          <button type="button" className="quiet" onClick={() => state.addQueryRow()}>
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
        <div className="fields-row">
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
          <div className="field checkbox-field">
            <label>
              <input
                type="checkbox"
                checked={state.layout === 'one-per-line'}
                onChange={(event) => state.setLayout(event.target.checked ? 'one-per-line' : 'line')}
              />{' '}
              One argument per line
            </label>
          </div>
        </div>
        {failure && outcomeUnknown ? (
          <p className="notice danger" role="alert">
            <strong>Outcome unknown: check open orders before retrying.</strong> The {state.sentMethod} may have reached {host} and taken effect.{' '}
            {errorText(failure)}
          </p>
        ) : (
          <p className="error" role="alert">
            {state.inputError || (failure ? errorText(failure) : '')}
          </p>
        )}
        <div className="actions signer-actions">
          <button
            type="submit"
            className="primary copy-button"
            disabled={!ready}
            aria-keyshortcuts={ariaShortcut(COPY)}
            title={`Sign and copy (${shortcutLabel(COPY)})`}
          >
            {copiedFlash ? 'Copied ✓' : 'Copy'}
          </button>
          <button type="button" disabled={!ready} onClick={() => void state.sign()}>
            Sign
          </button>
          <button
            type="button"
            disabled={!ready}
            onClick={send}
            aria-describedby={`${id}-send-to`}
            aria-keyshortcuts={ariaShortcut(SEND)}
            title={`Send now (${shortcutLabel(SEND)})`}
          >
            Send
          </button>
          <span className="note send-to" id={`${id}-send-to`}>
            to <span className="mono">{host}</span>
          </span>
          {state.rendered && state.rendered.expiresAtMs !== null && (
            <CountdownPill
              key={state.rendered.signedAtMs}
              signedAtMs={state.rendered.signedAtMs}
              expiresAtMs={state.rendered.expiresAtMs}
              resignLabel={state.copied ? 'Sign and copy again' : 'Sign again'}
              onResign={() => void (state.copied ? copy() : state.sign())}
            />
          )}
        </div>
        {!state.keyId && <p className="note">Choose a key to sign with.</p>}
      </form>
      <p role="status" className="note">
        {state.rendered && state.copied ? copyAnnouncement(state.copied.clearsInSeconds) : ''}
      </p>
      {state.rendered && (
        <div className="signed-output">
          {state.rendered.expiresAtMs === null && (
            <p className="note" aria-label="Validity">
              This script signs when it runs: it holds no signature and does not expire.
            </p>
          )}
          <pre aria-label="Signed command" className="mono command" tabIndex={0}>
            <CommandWords text={state.rendered.text} />
          </pre>
        </div>
      )}
      {state.busy === 'send' && <p aria-busy="true">Sending to {host}…</p>}
      {state.sent && <ResponsePanel sent={state.sent} />}
      <SavedRequests accountId={account.id} {...requestActions} />
      <RecentRequests accountId={account.id} refreshKey={`${state.rendered?.signedAtMs ?? ''}-${state.sent?.totalMs ?? ''}`} {...requestActions} />
      {question && (
        <ConfirmDialog
          title="Send this request?"
          tone="primary"
          confirmLabel="Yes, send it"
          cancelLabel="Don't send"
          onConfirm={confirmSend}
          onCancel={() => setQuestion(null)}
        >
          <p className="question">{question}</p>
          <p className="note">
            With {account.name}&apos;s key, to <span className="mono">{host}</span>. This changes state on the exchange.
          </p>
          <label className="checkbox-line">
            <input type="checkbox" checked={stopAsking} onChange={(event) => setStopAsking(event.target.checked)} /> Don&apos;t ask again for {account.name}
          </label>
        </ConfirmDialog>
      )}
    </section>
  );
}
