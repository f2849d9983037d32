import { useOpenedBackupStore } from '../store/opened-backup-store';

/**
 * Before the vault is open: says that the backup opened from the computer has not been lost and
 * what comes first (`first`: "Unlock the vault"). The import form takes it once the vault is open.
 */
export function OpenedBackupNote({ first }: { first: string }) {
  const backup = useOpenedBackupStore((state) => state.backup);
  return (
    <p role="status" className="note">
      {backup && (
        <>
          {first} to import <span className="mono">{backup.fileName}</span>, the backup opened from your computer.
        </>
      )}
    </p>
  );
}
