import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { KEY_LABEL_MAX } from '../../../../app/domain/remote-keys';
import { errorText } from '../../error-text';
import { useAccountsStore } from '../../store/accounts-store';
import type { ApiKey } from '../../store/accounts-store';
import { useExchangeStore } from '../../store/exchange-store';
import { useViewStore } from '../../store/view-store';
import { Badge } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToasts } from '../../ui/toasts';
import { api } from '../../window-api';
import { policySummary } from '../agent/policy-words';
import { KeyTestResult } from '../exchange/KeyTest';
import { dateTimeWords, isUnusable, keyName, STATE_BADGES } from './key-words';

/** The id of a row's menu button, to give it the focus back when the secret is hidden. */
export const menuButtonId = (keyId: string) => `key-menu-${keyId}`;

interface KeyRowProps {
  apiKey: ApiKey;
  proxyRunning: boolean;
  onReveal(): void;
  onPrograms(): void;
  /** After Forget, once the list is reloaded without the key: where the focus goes next. */
  onForgotten(): void;
}

/** One key of the vault: what it is, its state and use, and what can be done with it. */
export function KeyRow({ apiKey: key, proxyRunning, onReveal, onPrograms, onForgotten }: KeyRowProps) {
  const name = keyName(key);
  const badge = STATE_BADGES[key.remoteState];
  const unusable = isUnusable(key.remoteState);
  const [renaming, setRenaming] = useState(false);
  const [forgetting, setForgetting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const menuButton = useRef<HTMLButtonElement>(null);

  const copyKid = async () => {
    const result = await api().keys.copyKid({ keyId: key.id });
    if (result.ok) useToasts.getState().show(`Kid of ${name} copied.`);
    else setError(errorText(result.error));
  };

  const forget = async () => {
    setBusy(true);
    const result = await api().keys.delete({ keyId: key.id });
    setBusy(false);
    setForgetting(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    useToasts.getState().show(`${name} forgotten: its secret is no longer in this vault.`);
    await useAccountsStore.getState().refreshKeys(key.accountId);
    onForgotten();
  };

  return (
    <tr className={unusable ? 'key-row unusable' : 'key-row'}>
      <td className="key-cell">
        {renaming ? (
          <RenameField apiKey={key} name={name} onDone={() => setRenaming(false)} onError={setError} />
        ) : (
          <span className="key-label">{key.label || <span className="note">No label</span>}</span>
        )}
        <span className="key-kid-line">
          <span className="mono key-kid">{key.kid}</span>
          <button type="button" className="quiet copy-kid" aria-label={`Copy kid of ${name}`} title="Copy kid" onClick={() => void copyKid()}>
            <CopyIcon />
          </button>
        </span>
        <KeyTestResult keyId={key.id} />
        <span className="error" role="alert">
          {error}
        </span>
      </td>
      <td>
        <Badge tone={badge.tone}>{badge.words}</Badge>
      </td>
      <td className="key-scopes">
        {key.scopes.length === 0 ? (
          <span className="note">none</span>
        ) : (
          key.scopes.map((scope) => (
            <span className="chip" key={scope}>
              {scope}
            </span>
          ))
        )}
      </td>
      <td className="key-dates">
        <time dateTime={new Date(key.createdAt).toISOString()}>{dateTimeWords(key.createdAt)}</time>
        <span className="note">
          {key.origin} · used{' '}
          {key.lastUsedAt === null ? 'never' : <time dateTime={new Date(key.lastUsedAt).toISOString()}>{dateTimeWords(key.lastUsedAt)}</time>}
        </span>
      </td>
      <td className="key-policy">
        {policySummary(key.policy)}
        {proxyRunning && ', proxy running'}{' '}
        <button type="button" className="link small" aria-label={`Change what programs may sign with ${key.kid}`} onClick={onPrograms}>
          Change
        </button>
      </td>
      <td className="key-actions">
        <div className="key-action-buttons">
          <button
            type="button"
            className="small"
            aria-label={`Use in signer: ${name}`}
            disabled={unusable}
            title={unusable ? `The exchange refuses this key: it is ${badge.words}.` : undefined}
            onClick={() => useViewStore.getState().signWith(key.kid)}
          >
            Use in signer
          </button>
          <RowMenu name={name} trigger={menuButton} triggerId={menuButtonId(key.id)}>
            <button type="button" aria-label={`Reveal the secret of ${name}`} onClick={onReveal}>
              Reveal secret…
            </button>
            <button type="button" aria-label={`Test ${name}`} onClick={() => void useExchangeStore.getState().testKey(key.id)}>
              Test
            </button>
            <button type="button" aria-label={`Rename ${name}`} onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button type="button" className="destructive-quiet" aria-label={`Forget ${name}`} onClick={() => setForgetting(true)}>
              Forget…
            </button>
          </RowMenu>
        </div>
        {forgetting && (
          <ConfirmDialog title={`Forget ${name}?`} confirmLabel="Forget key" busy={busy} onConfirm={() => void forget()} onCancel={() => setForgetting(false)}>
            <p>
              The secret leaves this vault; the key stays on the exchange and keeps working there. To stop it working, disable or delete it on the Exchange tab.
            </p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}

/** The label, edited in place: Enter saves, Escape cancels. */
function RenameField({ apiKey: key, name, onDone, onError }: { apiKey: ApiKey; name: string; onDone(): void; onError(text: string): void }) {
  const [label, setLabel] = useState(key.label);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const next = label.trim();
    if (next === key.label) {
      onDone();
      return;
    }
    setSaving(true);
    const result = await api().keys.edit({ keyId: key.id, label: next });
    setSaving(false);
    if (!result.ok) {
      onError(errorText(result.error));
      return;
    }
    onError('');
    onDone();
    await useAccountsStore.getState().refreshKeys(key.accountId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onError('');
      onDone();
    }
  };

  return (
    <input
      className="key-rename"
      aria-label={`New label for ${name}`}
      aria-description="Enter saves, Escape cancels."
      value={label}
      maxLength={KEY_LABEL_MAX}
      readOnly={saving}
      autoFocus
      onChange={(event) => setLabel(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (!saving) onDone();
      }}
    />
  );
}

/** Where the arrow keys, Home and End take the focus among n actions, from the one at `from` (-1: none); undefined for other keys. */
function menuStep(key: string, from: number, n: number): number | undefined {
  if (key === 'ArrowDown') return (from + 1) % n;
  if (key === 'ArrowUp') return (from - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return undefined;
}

/**
 * The less used actions behind one small button: a disclosure that opens under it, closes on
 * Escape, on a click outside or once an action is chosen, and gives the focus back to its button.
 * Tab, or the arrow keys, Home and End (wrapping round), move through the actions.
 */
function RowMenu({
  name,
  trigger,
  triggerId,
  children,
}: {
  name: string;
  trigger: RefObject<HTMLButtonElement | null>;
  triggerId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return undefined;
    wrapper.current?.querySelector<HTMLButtonElement>('.row-menu button')?.focus();
    const outside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  return (
    <div
      className="row-menu-wrapper"
      ref={wrapper}
      onKeyDown={(event) => {
        if (!open) return;
        if (event.key === 'Escape') {
          event.preventDefault();
          close(true);
          return;
        }
        const actions = [...(wrapper.current?.querySelectorAll<HTMLButtonElement>('.row-menu button:not(:disabled)') ?? [])];
        const next = menuStep(event.key, actions.indexOf(document.activeElement as HTMLButtonElement), actions.length);
        if (next === undefined || actions.length === 0) return;
        event.preventDefault();
        actions[next]?.focus();
      }}
      onBlur={(event) => {
        if (open && !wrapper.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        className="small icon-small"
        ref={trigger}
        id={triggerId}
        aria-label={`More actions for ${name}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        // A chosen action closes the menu and the focus goes back to its button, unless the action
        // moves it on (Rename's field, Forget's dialog, which gives it back to the button when it closes).
        <div className="row-menu" id={id} onClick={() => close(true)}>
          {children}
        </div>
      )}
    </div>
  );
}

/** Two sheets, one over the other: the usual sign for copy. */
function CopyIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5.5" y="5.5" width="8" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M3.5 10.5h-.5a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
