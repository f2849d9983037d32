import { exportBackup, importBackup, previewBackup } from '../vault/backup/vault-backup';
import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

/** The encrypted backup file: export for the renderer to save; preview, then import, a file it read. */
export function backupHandlers({ vault, now }: BackendParts): HandlersOf<'backup'> {
  const fileOf = (contentBase64: string) => Buffer.from(contentBase64, 'base64');
  return {
    'backup.export': async ({ passphrase }) => {
      const file = await exportBackup(vault, passphrase);
      return { fileName: `barong-vault-${new Date(now()).toISOString().slice(0, 10)}.barongvault`, contentBase64: file.toString('base64') };
    },
    'backup.preview': async ({ contentBase64, passphrase }) => previewBackup(vault, fileOf(contentBase64), passphrase),
    'backup.import': async ({ contentBase64, passphrase, applySettings }, { ownerConfirmed }) =>
      importBackup(vault, fileOf(contentBase64), passphrase, { applySettings, ownerConfirmed }),
  };
}
