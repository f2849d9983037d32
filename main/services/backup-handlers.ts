import { exportBackup, importBackup } from '../vault/backup/vault-backup';
import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

/** The encrypted backup file: export for the renderer to save, import from a file it read. */
export function backupHandlers({ vault, now }: BackendParts): HandlersOf<'backup'> {
  return {
    'backup.export': async ({ passphrase }) => {
      const file = await exportBackup(vault, passphrase);
      return { fileName: `barong-vault-${new Date(now()).toISOString().slice(0, 10)}.barongvault`, contentBase64: file.toString('base64') };
    },
    'backup.import': async ({ contentBase64, passphrase }) => importBackup(vault, Buffer.from(contentBase64, 'base64'), passphrase),
  };
}
