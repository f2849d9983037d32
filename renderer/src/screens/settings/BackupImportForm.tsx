import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useAccountsStore } from '../../store/accounts-store';
import { useOpenedBackupStore } from '../../store/opened-backup-store';
import type { OpenedBackup } from '../../store/opened-backup-store';
import { useSettingsStore } from '../../store/settings-store';
import { api } from '../../window-api';
import { PassphraseField } from '../PassphraseField';
import { readFileAsBase64 } from './backup-file';
import { FormMessage } from './FormMessage';
import { ImportReportView } from './ImportReportView';
import type { ImportReport } from './ImportReportView';
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

/**
 * Brings a backup in: into an empty vault as it was (settings too), otherwise merged, keys
 * already here left untouched. The report says which. A backup opened from the computer fills
 * the file in, and the form asks for its passphrase only.
 */
export function BackupImportForm() {
  const fileRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const opened = useOpenedBackupStore((state) => state.backup);
  const clearOpened = useOpenedBackupStore((state) => state.clear);
  const [passphrase, setPassphrase] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const action = useFormAction();
  const id = useId();

  // Focusing also scrolls the form into view, below the other settings.
  useEffect(() => {
    if (opened) passphraseRef.current?.focus();
  }, [opened]);

  // The Cancel button goes with the opened file; the focus moves to the file field that replaces it.
  const cancel = () => {
    flushSync(clearOpened);
    fileRef.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const backup = backupToImport(opened, fileRef.current?.files?.[0]);
    if (!backup) return action.refuse('Choose the backup file first (a .barongvault file exported by Barong Vault).');
    if (passphrase === '') return action.refuse('Enter the passphrase chosen when the backup was exported.');
    setReport(null);
    let answer: ImportReport | undefined;
    void action.run(
      async () => {
        let contentBase64: string;
        try {
          contentBase64 = await backup.read();
        } catch {
          return { code: 'backup.unreadable', message: `The file ${backup.name} could not be read. Choose it again, or copy it somewhere readable first.` };
        }
        const result = await api().backup.import({ contentBase64, passphrase });
        if (!result.ok) return result.error;
        answer = result.value;
        return null;
      },
      () => {
        if (!answer) return;
        setReport(answer);
        action.done('Backup imported: the report follows.');
        setPassphrase('');
        if (fileRef.current) fileRef.current.value = '';
        clearOpened();
        void useAccountsStore.getState().load();
        if (answer.settingsApplied) void useSettingsStore.getState().load();
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Import a backup" aria-describedby={opened ? `${id}-opened ${id}-error` : `${id}-error`} aria-busy={action.busy} noValidate>
      <h4>Import a backup</h4>
      {opened ? (
        <p id={`${id}-opened`}>
          Opened from your computer: <span className="mono">{opened.fileName}</span>
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-file`}>Backup file</label>
          <input id={`${id}-file`} ref={fileRef} type="file" accept=".barongvault,application/octet-stream" />
        </div>
      )}
      <PassphraseField ref={passphraseRef} label="Passphrase of the backup" value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
      <FormMessage action={action} errorId={`${id}-error`} />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Opening the backup…' : 'Import backup'}
        </button>
        {opened && (
          <button type="button" onClick={cancel} disabled={action.busy}>
            Cancel
          </button>
        )}
      </div>
      {report && <ImportReportView report={report} />}
    </form>
  );
}
