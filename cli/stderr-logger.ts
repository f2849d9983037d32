import type { Logger } from '../main/logging/logger';
import type { CliIo } from './io';

/** A long-running command's log: JSON lines on stderr, so that stdout keeps only the one line other tools read. */
export function stderrLogger(io: CliIo): Logger {
  const write =
    (level: string) =>
    (event: string, fields = {}) =>
      io.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`);
  return { info: write('info'), warn: write('warn') };
}
