/**
 * The one error type the core throws for bad input or a refused operation. `code` is a stable
 * string that callers map to words or exit codes; `message` is written for a trader and never
 * carries a secret.
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
