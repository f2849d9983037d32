import type { BackendParts } from './backend-parts';
import { definedFields } from './defined-fields';
import type { HandlersOf } from './serve-channels';

/** Settings, the audit log and the encrypted backup: the vault's own bookkeeping. */
export function settingsHandlers({ vault }: BackendParts): HandlersOf<'settings'> {
  return {
    'settings.get': async () => vault.getSettings(),
    'settings.update': async (changes) => vault.updateSettings(definedFields(changes)),
  };
}

export function auditHandlers({ vault }: BackendParts): HandlersOf<'audit'> {
  return {
    'audit.list': async ({ limit, beforeId }) => vault.auditLog(limit, beforeId),
  };
}

export function backupHandlers({ vault, now }: BackendParts): HandlersOf<'backup'> {
  return {
    'backup.export': async ({ passphrase }) => {
      const file = await vault.exportBackup(passphrase);
      return { fileName: `barong-vault-${new Date(now()).toISOString().slice(0, 10)}.barongvault`, contentBase64: file.toString('base64') };
    },
    'backup.import': async ({ contentBase64, passphrase }) => vault.importBackup(Buffer.from(contentBase64, 'base64'), passphrase),
  };
}
