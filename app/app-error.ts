import { wordsOf } from './errors/codes';
import type { ErrorCode } from './errors/codes';

/**
 * The one error type the core throws for bad input or a refused operation. `code` is a stable
 * string that callers map to words or exit codes (app/errors/codes.ts); `message` is written for a
 * trader and never carries a secret. Without a message, the code's words from the table are used.
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: ErrorCode, message?: string);
  constructor(code: string, message: string);
  constructor(code: string, message?: string) {
    super(message ?? wordsOf(code as ErrorCode));
    this.name = 'AppError';
    this.code = code;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
