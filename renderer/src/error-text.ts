import type { ErrorInfo } from '../../app/contract/result';

/** An error in words for the trader, with the next step when the backend named one. */
export function errorText(error: ErrorInfo): string {
  switch (error.code) {
    case 'vault.wrong_passphrase':
      return 'Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.';
    case 'vault.throttled':
      return `Too many wrong passphrases. Wait ${Math.ceil((error.retryAfterMs ?? 1000) / 1000)} seconds before the next try.`;
    case 'backup.wrong_passphrase':
      return `${error.message} Type the passphrase chosen when the backup was exported, and check Caps Lock.`;
    case 'backup.corrupt':
      return `${error.message} Choose the .barongvault file that Barong Vault exported.`;
    default:
      return error.action ? `${error.message} ${error.action}` : error.message;
  }
}
