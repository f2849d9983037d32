import { AppError } from '../../app/app-error';

/** The vault's refusals, as stable codes the UI and the CLI map to words. */
export type VaultErrorCode =
  | 'VAULT_NOT_SET_UP'
  | 'VAULT_ALREADY_SET_UP'
  | 'VAULT_LOCKED'
  | 'VAULT_WRONG_PASSPHRASE'
  | 'VAULT_THROTTLED'
  | 'VAULT_TAMPERED'
  | 'VAULT_NEWER_VERSION'
  | 'VAULT_KEYCHAIN_INSECURE'
  | 'VAULT_KEYCHAIN_UNAVAILABLE'
  | 'VAULT_KEYCHAIN_CHANGED'
  | 'VAULT_NO_UNLOCK_METHOD'
  | 'VAULT_PASSPHRASE_REQUIRED'
  | 'VAULT_NOT_FOUND'
  | 'VAULT_DUPLICATE_KID'
  | 'BACKUP_WRONG_PASSPHRASE'
  | 'BACKUP_CORRUPT';

export class VaultError extends AppError {
  declare readonly code: VaultErrorCode;
  /** For VAULT_THROTTLED: how long to wait before the next try. */
  readonly retryAfterMs: number | undefined;

  constructor(code: VaultErrorCode, message: string, retryAfterMs?: number) {
    super(code, message);
    this.name = 'VaultError';
    this.retryAfterMs = retryAfterMs;
  }
}
