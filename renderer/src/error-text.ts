import type { ErrorInfo } from '../../app/contract/result';
import { wordsOf } from '../../app/errors/codes';

/** An error in words for the trader (the app's table where the code says it all), with the next step when there is one. */
export function errorText(error: ErrorInfo): string {
  switch (error.code) {
    case 'vault.wrong_passphrase':
      return wordsOf('vault.wrong_passphrase');
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
