import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { needsOwner } from '../../../../app/contract/backup-needs-owner';
import { useAccountsStore } from '../../store/accounts-store';
import { useOpenedBackupStore } from '../../store/opened-backup-store';
import type { OpenedBackup } from '../../store/opened-backup-store';
import { useSettingsStore } from '../../store/settings-store';
import { api } from '../../window-api';
import { OwnerProof, useOwnerProof } from '../OwnerProof';
import { PassphraseField } from '../PassphraseField';
import { readFileAsBase64 } from './backup-file';
import { FormMessage } from './FormMessage';
import { ImportPlanView, ImportReportView } from './ImportReportView';
import type { ImportPlan, ImportReport } from './ImportReportView';
import { useFormAction } from './use-form-action';

interface BackupToImport {
  name: string;
  read(): Promise<string>;
}

/** The backup opened from the computer comes first; otherwise the file chosen in the form. */
function backupToImport(opened: OpenedBackup | null, chosen: File | undefined): BackupToImport | undefined {
  if (opened) return { name: opened.fileName, read: () => Promise.resolve(opened.contentBase64) };
  if (chosen) return { name: chosen.name, read: () => readFileAsBase64(chosen) };
  return undefined;
}

/** A backup read and opened, its plan shown, waiting for the trader's confirmation. */
interface PlannedImport {
  contentBase64: string;
  plan: ImportPlan;
}

/**
 * Brings a backup in, in two steps: the plan first (new accounts, keys into accounts already
 * here, look-alikes, settings), written nowhere; then the import the trader confirms. Into an
 * empty vault as it was, otherwise merged, keys already here left untouched; the backup's
 * settings only when ticked. Adding keys to existing accounts, or settings that protect less,
 * needs the owner's proof. A backup opened from the computer fills the file in.
 */
export function BackupImportForm() {
  const fileRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const opened = useOpenedBackupStore((state) => state.backup);
  const clearOpened = useOpenedBackupStore((state) => state.clear);
  const [passphrase, setPassphrase] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [planned, setPlanned] = useState<PlannedImport | null>(null);
  const [applySettings, setApplySettings] = useState(false);
  const proof = useOwnerProof();
  const action = useFormAction();
  const id = useId();

  // Focusing also scrolls the form into view, below the other settings.
  useEffect(() => {
    if (opened) passphraseRef.current?.focus();
  }, [opened]);

  const ownerAction = planned ? needsOwner(planned.plan, applySettings) : null;

  const finished = (answer: ImportReport) => {
    setReport(answer);
    setPlanned(null);
    setApplySettings(false);
    action.done('Backup imported: the report follows.');
    setPassphrase('');
    if (fileRef.current) fileRef.current.value = '';
    clearOpened();
    void useAccountsStore.getState().load();
    if (answer.settingsApplied) void useSettingsStore.getState().load();
  };

  // The Cancel button goes with the opened file or the plan; the focus moves to the file field that replaces it.
  const cancel = () => {
    flushSync(() => {
      setPlanned(null);
      setApplySettings(false);
      clearOpened();
    });
    fileRef.current?.focus();
  };

  const preview = () => {
    const backup = backupToImport(opened, fileRef.current?.files?.[0]);
    if (!backup) return action.refuse('Choose the backup file first (a .barongvault file exported by Barong Vault).');
    if (passphrase === '') return action.refuse('Enter the passphrase chosen when the backup was exported.');
    setReport(null);
    let answer: PlannedImport | undefined;
    void action.run(
      async () => {
        let contentBase64: string;
        try {
          contentBase64 = await backup.read();
        } catch {
          return { code: 'backup.unreadable', message: `The file ${backup.name} could not be read. Choose it again, or copy it somewhere readable first.` };
        }
        const result = await api().backup.preview({ contentBase64, passphrase });
        if (!result.ok) return result.error;
        answer = { contentBase64, plan: result.value };
        return null;
      },
      () => {
        if (!answer) return;
        setPlanned(answer);
        action.done('Nothing is written yet: check what the import would do, then confirm it.');
      },
    );
  };

  const confirm = (plan: PlannedImport) => {
    if (ownerAction !== null && proof.hasPassphrase && proof.passphrase === '') return action.refuse(`Enter the vault passphrase to confirm: ${ownerAction}.`);
    let answer: ImportReport | undefined;
    void action.run(
      async () => {
        const result = await api().backup.import({
          contentBase64: plan.contentBase64,
          passphrase,
          applySettings,
          ...(ownerAction === null ? {} : proof.take()),
        });
        if (!result.ok) return result.error;
        answer = result.value;
        return null;
      },
      () => {
        if (answer) finished(answer);
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (planned) confirm(planned);
    else preview();
  };

  return (
    <form
      onSubmit={submit}
      aria-label="Import a backup"
      aria-describedby={opened ? `${id}-opened ${id}-error` : `${id}-error`}
      aria-busy={action.busy}
      noValidate
    >
      <h4>Import a backup</h4>
      {opened ? (
        <p id={`${id}-opened`}>
          Opened from your computer: <span className="mono">{opened.fileName}</span>
        </p>
      ) : (
        !planned && (
          <div className="field">
            <label htmlFor={`${id}-file`}>Backup file</label>
            <input id={`${id}-file`} ref={fileRef} type="file" accept=".barongvault,application/octet-stream" />
          </div>
        )
      )}
      {!planned && (
        <PassphraseField ref={passphraseRef} label="Passphrase of the backup" value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
      )}
      {planned && <ImportPlanView plan={planned.plan} />}
      {planned && planned.plan.settings.length > 0 && (
        <div className="field">
          <label>
            <input type="checkbox" checked={applySettings} onChange={(event) => setApplySettings(event.target.checked)} /> Also apply these settings
          </label>
        </div>
      )}
      {ownerAction !== null && (
        <>
          <p className="warnings">Needs your confirmation: {ownerAction}.</p>
          <OwnerProof proof={proof} waiting={action.busy} />
        </>
      )}
      <FormMessage action={action} errorId={`${id}-error`} />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {planned ? (action.busy ? 'Importing…' : 'Import') : action.busy ? 'Opening the backup…' : 'Show what the import would do'}
        </button>
        {(opened || planned) && (
          <button type="button" onClick={cancel} disabled={action.busy}>
            Cancel
          </button>
        )}
      </div>
      {report && <ImportReportView report={report} />}
    </form>
  );
}
