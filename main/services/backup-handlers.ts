import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

/** The encrypted backup file: export for the renderer to save, import from a file it read. */
export function backupHandlers({ vault, now }: BackendParts): HandlersOf<'backup'> {
  return {
    'backup.export': async ({ passphrase }) => {
      const file = await vault.exportBackup(passphrase);
      return { fileName: `barong-vault-${new Date(now()).toISOString().slice(0, 10)}.barongvault`, contentBase64: file.toString('base64') };
    },
    'backup.import': async ({ contentBase64, passphrase }) => vault.importBackup(Buffer.from(contentBase64, 'base64'), passphrase),
  };
}
