import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ResponseOf } from '../../../../app/contract/api';
import { errorText } from '../../error-text';
import { buildRequest, useSignerStore } from '../../store/signer-store';
import type { ReusedRequest } from '../../store/signer-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { api } from '../../window-api';
import './saved-requests.css';

export type SavedRequest = ResponseOf<'requests.save'>;

/** The longest name main takes (SAVED_REQUEST_LIMITS.name). */
const NAME_MAX = 100;

const byName = (a: SavedRequest, b: SavedRequest) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
const requestOf = ({ request }: SavedRequest): ReusedRequest => request;

/**
 * The account's saved requests, kept in the vault by name: each can be signed again, sent again
 * when it is a GET, or put back in the form (a state-changing one is never sent from the list:
 * the form's Send asks first). "Save request" stores the form's request exactly as signing would
 * read it, under a name; a name already used replaces that request.
 */
export function SavedRequests({
  accountId,
  onSignAgain,
  onSendAgain,
  onLoad,
}: {
  accountId: string;
  onSignAgain(request: ReusedRequest): void;
  onSendAgain(request: ReusedRequest): void;
  onLoad(request: ReusedRequest): void;
}) {
  const id = useId();
  const [saved, setSaved] = useState<SavedRequest[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [saveError, setSaveError] = useState('');
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [deleting, setDeleting] = useState<SavedRequest | null>(null);
  const [deleteError, setDeleteError] = useState('');
  const saveButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    setSaved(null);
    setNaming(false);
    void api()
      .requests.list({ accountId })
      .then((result) => {
        if (!current) return;
        setSaved(result.ok ? result.value : []);
        setLoadError(result.ok ? '' : errorText(result.error));
      });
    return () => {
      current = false;
    };
  }, [accountId]);

  const closeNaming = () => {
    setNaming(false);
    setSaveError('');
    saveButton.current?.focus();
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setSaveError('Give the request a name.');
      return;
    }
    const built = buildRequest(useSignerStore.getState());
    if ('error' in built) {
      setSaveError(built.error.replace(' Nothing was signed.', ' Nothing was saved.'));
      return;
    }
    setBusy(true);
    const result = await api().requests.save({ accountId, name: trimmed, request: built.request });
    setBusy(false);
    if (!result.ok) {
      setSaveError(errorText(result.error));
      return;
    }
    const replaced = saved?.some((entry) => entry.id === result.value.id) ?? false;
    setSaved([...(saved ?? []).filter((entry) => entry.id !== result.value.id), result.value].sort(byName));
    setAnnouncement(`${replaced ? 'Replaced' : 'Saved'} “${result.value.name}”.`);
    setName('');
    closeNaming();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    const result = await api().requests.delete({ requestId: deleting.id });
    setBusy(false);
    if (!result.ok) {
      setDeleteError(errorText(result.error));
      setDeleting(null);
      return;
    }
    setSaved((saved ?? []).filter((entry) => entry.id !== deleting.id));
    setAnnouncement(`Deleted “${deleting.name}”.`);
    setDeleteError('');
    setDeleting(null);
  };

  const clash = saved?.find((entry) => entry.name === name.trim());

  return (
    <section aria-labelledby={`${id}-heading`} className="saved-requests">
      <div className="saved-requests-header">
        <h3 id={`${id}-heading`}>Saved requests</h3>
        {!naming && (
          <button
            ref={saveButton}
            type="button"
            className="quiet"
            onClick={() => {
              setAnnouncement('');
              setNaming(true);
            }}
          >
            Save request
          </button>
        )}
      </div>
      {naming && (
        <form
          className="saved-requests-name"
          aria-label="Save request"
          noValidate
          onSubmit={(event) => void save(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              closeNaming();
            }
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              type="text"
              size={28}
              maxLength={NAME_MAX}
              value={name}
              autoFocus
              autoComplete="off"
              aria-describedby={`${id}-name-note`}
              aria-invalid={saveError !== ''}
              onChange={(event) => {
                setName(event.target.value);
                setSaveError('');
              }}
            />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={closeNaming} disabled={busy}>
            Cancel
          </button>
          <p className="note" id={`${id}-name-note`}>
            {clash ? `Replaces the saved request “${clash.name}”.` : 'The form’s method, path, query and body, as Sign would send them.'}
          </p>
          <p className="error" role="alert">
            {saveError}
          </p>
        </form>
      )}
      <p role="status" className="note">
        {announcement}
      </p>
      {(loadError || deleteError) && (
        <p className="error" role="alert">
          {loadError || deleteError}
        </p>
      )}
      {saved && saved.length === 0 && !naming && <p className="note">None yet: fill in the form, then Save request to keep it under a name.</p>}
      {saved && saved.length > 0 && (
        <ul aria-labelledby={`${id}-heading`}>
          {saved.map((entry) => (
            <li key={entry.id}>
              <span className="method-tag">{entry.request.method}</span>
              <span className="saved-request-what">
                <span className="saved-request-name">{entry.name}</span>
                <span className="mono saved-request-path" title={entry.request.path}>
                  {entry.request.path}
                  {entry.request.query.length > 0 && <span className="note"> + {entry.request.query.length} query</span>}
                </span>
              </span>
              <span className="saved-request-actions">
                <button type="button" className="quiet" aria-label={`Sign again: ${entry.name}`} onClick={() => onSignAgain(requestOf(entry))}>
                  Sign again
                </button>
                {entry.request.method === 'GET' ? (
                  <button type="button" className="quiet" aria-label={`Send again: ${entry.name}`} onClick={() => onSendAgain(requestOf(entry))}>
                    Send again
                  </button>
                ) : (
                  <button type="button" className="quiet" aria-label={`Put in the form: ${entry.name}`} onClick={() => onLoad(requestOf(entry))}>
                    Put in the form
                  </button>
                )}
                <button
                  type="button"
                  className="quiet delete-saved"
                  aria-label={`Delete: ${entry.name}`}
                  onClick={() => {
                    setDeleteError('');
                    setDeleting(entry);
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this saved request?"
          confirmLabel="Delete saved request"
          busy={busy}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        >
          <p>
            “{deleting.name}” ({deleting.request.method} <span className="mono">{deleting.request.path}</span>) goes from this account&apos;s saved requests,
            with its query{deleting.request.body === undefined ? '' : ' and body'}. Nothing changes on the exchange.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
