import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useAccountsStore } from '../../store/accounts-store';
import { useSettingsStore } from '../../store/settings-store';
import { api } from '../../window-api';
import { PassphraseField } from '../PassphraseField';
import { readFileAsBase64 } from './backup-file';
import { FormMessage } from './FormMessage';
import { ImportReportView } from './ImportReportView';
import type { ImportReport } from './ImportReportView';
import { useFormAction } from './use-form-action';

/**
 * Brings a backup in: into an empty vault as it was (settings too), otherwise merged, keys
 * already here left untouched. The report says which.
 */
export function BackupImportForm() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const action = useFormAction();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return action.refuse('Choose the backup file first (a .barongvault file exported by Barong Vault).');
    if (passphrase === '') return action.refuse('Enter the passphrase chosen when the backup was exported.');
    setReport(null);
    let answer: ImportReport | undefined;
    void action.run(
      async () => {
        let contentBase64: string;
        try {
          contentBase64 = await readFileAsBase64(file);
        } catch {
          return { code: 'backup.unreadable', message: `The file ${file.name} could not be read. Choose it again, or copy it somewhere readable first.` };
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
        void useAccountsStore.getState().load();
        if (answer.settingsApplied) void useSettingsStore.getState().load();
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Import a backup" aria-describedby={`${id}-error`} aria-busy={action.busy} noValidate>
      <h4>Import a backup</h4>
      <div className="field">
        <label htmlFor={`${id}-file`}>Backup file</label>
        <input id={`${id}-file`} ref={fileRef} type="file" accept=".barongvault,application/octet-stream" />
      </div>
      <PassphraseField label="Passphrase of the backup" value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
      <FormMessage action={action} errorId={`${id}-error`} />
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Opening the backup…' : 'Import backup'}
      </button>
      {report && <ImportReportView report={report} />}
    </form>
  );
}
