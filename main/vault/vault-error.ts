import { AppError } from '../../app/app-error';
import type { ErrorCode } from '../../app/errors/codes';

/** The vault's refusals: its codes in the app's table (app/errors/codes.ts), with their words. */
export type VaultErrorCode = Extract<ErrorCode, `vault.${string}` | `backup.${string}`>;

export class VaultError extends AppError {
  declare readonly code: VaultErrorCode;
  /** For vault.throttled: how long to wait before the next try. */
  readonly retryAfterMs: number | undefined;

  /** Without a message, the code's words from the table. */
  constructor(code: VaultErrorCode, message?: string, retryAfterMs?: number) {
    super(code, message);
    this.name = 'VaultError';
    this.retryAfterMs = retryAfterMs;
  }
}
