import { AppError } from '../../app/app-error';
import type { ErrorInfo } from '../../app/contract/result';
import { wordsOf } from '../../app/errors/codes';
import { ExchangeError } from '../barong/exchange-error';
import { VaultError } from '../vault/vault-error';

/**
 * The error as it may cross to the renderer, or undefined for one the app did not foresee. Known
 * errors carry messages written for the trader (never a secret); anything else may carry
 * anything, so only its code `internal` crosses.
 */
export function knownErrorInfo(error: unknown): ErrorInfo | undefined {
  if (!(error instanceof AppError)) return undefined;
  const info: ErrorInfo = { code: error.code, message: error.message };
  if (error instanceof ExchangeError) {
    if (error.action !== '') info.action = error.action;
    if (error.status !== undefined) info.status = error.status;
  }
  if (error instanceof VaultError && error.retryAfterMs !== undefined) info.retryAfterMs = error.retryAfterMs;
  return info;
}

export const INTERNAL_ERROR: ErrorInfo = { code: 'internal', message: wordsOf('internal') };
