import { appendFileSync, closeSync, fchmodSync, openSync } from 'node:fs';

/** What a log line may carry: plain values the caller chose to show, never a request's headers or body. */
export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };

/** JSON lines appended to a file readable by its owner only. */
export function createFileLogger(path: string, now: () => number = Date.now): Logger {
  const file = openSync(path, 'a', 0o600);
  try {
    // The mode given to open applies only to a new file, and through the umask: a log left
    // readable by others (an older version, a copy) is taken back before anything is written to it.
    fchmodSync(file, 0o600);
  } finally {
    closeSync(file);
  }
  const write = (level: string, event: string, fields: LogFields = {}) =>
    appendFileSync(path, `${JSON.stringify({ at: new Date(now()).toISOString(), level, event, ...fields })}\n`);
  return { info: (event, fields) => write('info', event, fields), warn: (event, fields) => write('warn', event, fields) };
}
