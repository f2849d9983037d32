import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ResponseOf } from '../../../../app/contract/api';
import { api } from '../../window-api';
import { OwnerProof, useOwnerProof } from '../OwnerProof';
import { PassphraseField } from '../PassphraseField';
import { saveBackupFile } from './backup-file';
import { FormMessage } from './FormMessage';
import { useFormAction } from './use-form-action';

/** The whole vault in one file, sealed by a passphrase chosen for it. Privileged: the owner proves it is them. */
export function BackupExportForm() {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const proof = useOwnerProof();
  const action = useFormAction();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') return action.refuse('Choose a passphrase for the backup: it is asked again when the backup is imported.');
    if (passphrase !== again) return action.refuse('The two backup passphrases differ: type the same passphrase in both fields.');
    if (proof.hasPassphrase && proof.passphrase === '') return action.refuse('Enter the vault passphrase: exporting every secret needs it.');
    const owner = proof.take();
    let file: ResponseOf<'backup.export'> | undefined;
    void action.run(
      async () => {
        const result = await api().backup.export({ ...owner, passphrase });
        if (!result.ok) return result.error;
        file = result.value;
        return null;
      },
      () => {
        if (!file) return;
        saveBackupFile(file.fileName, file.contentBase64);
        setPassphrase('');
        setAgain('');
        action.done(`Backup ${file.fileName} exported. Keep its passphrase apart from it: without it the file cannot be opened.`);
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Export a backup" aria-describedby={`${id}-explanation ${id}-error`} aria-busy={action.busy} noValidate>
      <h4>Export a backup</h4>
      <p id={`${id}-explanation`}>
        Every account, API secret and stored 2FA seed, encrypted with a passphrase you choose now (it need not be the vault&apos;s).
      </p>
      <PassphraseField label="Backup passphrase" value={passphrase} onChange={setPassphrase} autoComplete="new-password" />
      <PassphraseField label="Backup passphrase again" value={again} onChange={setAgain} autoComplete="new-password" />
      <OwnerProof proof={proof} waiting={action.busy} />
      <FormMessage action={action} errorId={`${id}-error`} />
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Encrypting the backup…' : 'Export backup'}
      </button>
    </form>
  );
}
