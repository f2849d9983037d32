import { AppError } from '../../app/app-error';

/** The vault's refusals, as stable codes the UI and the CLI map to words. */
export type VaultErrorCode =
  | 'vault.not_set_up'
  | 'vault.already_set_up'
  | 'vault.locked'
  | 'vault.wrong_passphrase'
  | 'vault.throttled'
  | 'vault.tampered'
  | 'vault.newer_version'
  | 'vault.keychain_insecure'
  | 'vault.keychain_unavailable'
  | 'vault.keychain_changed'
  | 'vault.no_unlock_method'
  | 'vault.passphrase_required'
  | 'vault.not_found'
  | 'vault.duplicate_kid'
  | 'backup.wrong_passphrase'
  | 'backup.corrupt'
  | 'backup.kdf_too_costly'
  | 'backup.too_large';

export class VaultError extends AppError {
  declare readonly code: VaultErrorCode;
  /** For vault.throttled: how long to wait before the next try. */
  readonly retryAfterMs: number | undefined;

  constructor(code: VaultErrorCode, message: string, retryAfterMs?: number) {
    super(code, message);
    this.name = 'VaultError';
    this.retryAfterMs = retryAfterMs;
  }
}
