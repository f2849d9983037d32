import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../../error-text';
import { useSettingsStore } from '../../store/settings-store';
import type { Settings } from '../../store/settings-store';

type TimingName = 'autoLockMinutes' | 'clipboardClearSeconds';

// The ranges are the vault's to enforce: its refusal is shown under the field it concerns.
const FIELDS: ReadonlyArray<{ name: TimingName; label: string; hint: string; typo: string }> = [
  { name: 'autoLockMinutes', label: 'Lock after idle minutes', hint: '0 turns auto-lock off.', typo: 'Type a whole number of minutes, such as 10.' },
  {
    name: 'clipboardClearSeconds',
    label: 'Clear a copied secret after seconds',
    hint: 'Only if the clipboard still holds it; 0 leaves the clipboard alone.',
    typo: 'Type a whole number of seconds, such as 20.',
  },
];

type Drafts = Record<TimingName, string>;
type Problems = Partial<Record<TimingName, string>>;

/** Auto-lock and clipboard clearing: typed numbers, saved together, each refusal beside its field. */
export function TimingForm({ settings }: { settings: Settings }) {
  const update = useSettingsStore((state) => state.update);
  const [drafts, setDrafts] = useState<Drafts>({ autoLockMinutes: String(settings.autoLockMinutes), clipboardClearSeconds: String(settings.clipboardClearSeconds) });
  const [problems, setProblems] = useState<Problems>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNote('');
    const found: Problems = {};
    // One update per field, so that each refusal belongs to the field it names.
    for (const { name, typo } of FIELDS) {
      const text = drafts[name].trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) found[name] = typo;
      else if (value !== settings[name]) {
        const failure = await update({ [name]: value });
        if (failure) found[name] = errorText(failure);
      }
    }
    setBusy(false);
    setProblems(found);
    if (Object.keys(found).length === 0) setNote('Saved.');
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} aria-busy={busy} noValidate>
      <h3 id={`${id}-heading`}>Locking and clipboard</h3>
      {FIELDS.map(({ name, label, hint }) => (
        <div className="field" key={name}>
          <label htmlFor={`${id}-${name}`}>{label}</label>
          <input
            id={`${id}-${name}`}
            type="number"
            inputMode="numeric"
            className="short"
            value={drafts[name]}
            onChange={(event) => setDrafts({ ...drafts, [name]: event.target.value })}
            aria-describedby={`${id}-${name}-hint ${id}-${name}-error`}
            aria-invalid={problems[name] ? true : undefined}
          />
          <span className="hint" id={`${id}-${name}-hint`}>
            {hint}
          </span>
          <span className="error" id={`${id}-${name}-error`} role="alert">
            {problems[name] ?? ''}
          </span>
        </div>
      ))}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <p role="status">{note}</p>
      </div>
    </form>
  );
}
