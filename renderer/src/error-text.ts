import type { ErrorInfo } from '../../app/contract/result';

/** An error in words for the trader, with the next step when the backend named one. */
export function errorText(error: ErrorInfo): string {
  switch (error.code) {
    case 'VAULT_WRONG_PASSPHRASE':
      return 'Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.';
    case 'VAULT_THROTTLED':
      return `Too many wrong passphrases. Wait ${Math.ceil((error.retryAfterMs ?? 1000) / 1000)} seconds before the next try.`;
    case 'BACKUP_WRONG_PASSPHRASE':
      return `${error.message} Type the passphrase chosen when the backup was exported, and check Caps Lock.`;
    case 'BACKUP_CORRUPT':
      return `${error.message} Choose the .barongvault file that Barong Vault exported.`;
    default:
      return error.action ? `${error.message} ${error.action}` : error.message;
  }
}
