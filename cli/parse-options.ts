import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { AppError } from '../app/app-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into usage errors a person can read. */
export function parseOptions<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '.') : String(error);
    throw new AppError('usage', message);
  }
}

export function parseInteger(value: string | undefined, flag: string, min?: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || (min !== undefined && Number(value) < min)) {
    throw new AppError('usage', `${flag} takes a whole number${min === undefined ? '' : ` of at least ${min}`}, not "${value}".`);
  }
  return Number(value);
}
