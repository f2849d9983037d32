import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { loweredProtection } from '../../../../app/domain/lowered-protection';
import type { ProtectiveTiming as TimingName, Timings } from '../../../../app/domain/lowered-protection';
import { timingProblem } from '../../../../app/domain/timing-rules';
import { errorText } from '../../error-text';
import { useSettingsStore } from '../../store/settings-store';
import type { Settings } from '../../store/settings-store';
import { isOwnerRefusal, useOwnerProof } from '../OwnerProof';
import { LoweringConfirmation } from './LoweringConfirmation';

// The ranges are the vault's to enforce: its refusal is shown under the field it concerns.
const FIELDS: ReadonlyArray<{ name: TimingName; label: string; hint: string; typo: string }> = [
  { name: 'autoLockMinutes', label: 'Lock after idle minutes', hint: '0 turns auto-lock off.', typo: 'Type a whole number of minutes, such as 10.' },
  {
    name: 'clipboardClearSeconds',
    label: 'Clear a copied secret after seconds',
    hint: 'Only if the clipboard still holds it. A signed command goes sooner, when it expires, even at 0; 0 leaves other secrets (revealed keys, proxy URLs) on the clipboard.',
    typo: 'Type a whole number of seconds, such as 20.',
  },
];

type Drafts = Record<TimingName, string>;
type Problems = Partial<Record<TimingName, string>>;

/**
 * The drafts the vault would take, and why it would not take the others, by the rules its schema
 * is built from: a value out of range is refused here, before it could ask the owner to confirm it.
 */
function readDrafts(drafts: Drafts): { values: Partial<Timings>; problems: Problems } {
  const values: Partial<Timings> = {};
  const problems: Problems = {};
  for (const { name, typo } of FIELDS) {
    const text = drafts[name].trim();
    if (text === '' || !Number.isFinite(Number(text))) {
      problems[name] = typo;
      continue;
    }
    const problem = timingProblem(name, Number(text));
    if (problem === null) values[name] = Number(text);
    else problems[name] = problem;
  }
  return { values, problems };
}

/**
 * Auto-lock and clipboard clearing: typed numbers, saved together, each refusal beside its field.
 * A change that lowers protection says so and asks the owner's proof before Save.
 */
export function TimingForm({ settings }: { settings: Settings }) {
  const update = useSettingsStore((state) => state.update);
  const [drafts, setDrafts] = useState<Drafts>({
    autoLockMinutes: String(settings.autoLockMinutes),
    clipboardClearSeconds: String(settings.clipboardClearSeconds),
  });
  const [problems, setProblems] = useState<Problems>({});
  const [ownerRefusal, setOwnerRefusal] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const proof = useOwnerProof();
  const id = useId();
  const typed = readDrafts(drafts);
  const lowerings = loweredProtection(settings, typed.values);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNote('');
    setOwnerRefusal('');
    const { values } = typed;
    const found = { ...typed.problems };
    const lowered = lowerings.map((lowering) => lowering.setting);
    const changed = FIELDS.map(({ name }) => name).filter((name) => values[name] !== undefined && values[name] !== settings[name]);
    // One update per field, so that each refusal belongs to the field it names; the lowering ones
    // go together, so that the owner is asked once.
    const calls = [...changed.filter((name) => !lowered.includes(name)).map((name) => [name]), ...(lowered.length > 0 ? [lowered] : [])];
    const owner = lowered.length > 0 ? proof.take() : {};
    let refusal = '';
    for (const names of calls) {
      const failure = await update({ ...Object.fromEntries(names.map((name) => [name, values[name]])), ...(names === lowered ? owner : {}) });
      if (failure && isOwnerRefusal(failure)) refusal = errorText(failure);
      else if (failure) for (const name of names) found[name] = errorText(failure);
    }
    setBusy(false);
    setProblems(found);
    setOwnerRefusal(refusal);
    if (Object.keys(found).length === 0 && refusal === '') setNote('Saved.');
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
      <LoweringConfirmation lowerings={lowerings} proof={proof} waiting={busy} refusal={ownerRefusal} id={`${id}-lowering`} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <p role="status">{note}</p>
      </div>
    </form>
  );
}
