import { AppError } from '../../app/app-error';
import { explainError } from '../../app/barong/error-catalogue';
import type { CatalogueContext } from '../../app/barong/error-catalogue';

/**
 * A failure talking to an exchange. `code` is stable: `network.*` for the way there,
 * `exchange.*` for answers the client cannot use, or Barong's / Peatio's own code passed through.
 * Messages never carry a secret, cookie, CSRF token, password or code.
 */
export class ExchangeError extends AppError {
  /** HTTP status when the exchange answered. */
  readonly status: number | undefined;
  /** What to do about it, from the error catalogue where the exchange gave a code. */
  readonly action: string;

  constructor(code: string, message: string, options: { status?: number; action?: string } = {}) {
    super(code, message);
    this.name = 'ExchangeError';
    this.status = options.status;
    this.action = options.action ?? '';
  }

  /** The exchange's own error code, explained through the catalogue. */
  static fromBarong(code: string, status: number, context: CatalogueContext = {}): ExchangeError {
    const explained = explainError(code, context);
    return new ExchangeError(code, explained.known ? explained.message : `The exchange refused the request (${code}).`, { status, action: explained.action });
  }
}
