import { BackupExportForm } from './BackupExportForm';
import { BackupImportForm } from './BackupImportForm';

export function BackupSection() {
  return (
    <section aria-labelledby="backup-heading" className="settings-section">
      <h3 id="backup-heading">Backup</h3>
      <BackupExportForm />
      <BackupImportForm />
    </section>
  );
}
