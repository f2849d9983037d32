import { EXIT_CODES } from '../app/errors/codes';
import type { CliIo } from './io';

export interface Serving {
  io: CliIo;
  /** The command's name, for its last words. */
  what: string;
  stop(): Promise<void>;
  /** Where the vault's lock is heard when this process holds the vault (`agent`, `proxy --vault`). */
  onLock?(listener: () => void): void;
}

/**
 * Serves until SIGINT or SIGTERM (exit 0) or the vault this process holds locks (exit 3, in
 * words: the auto-lock still runs headless, and a locked vault signs nothing, so the server
 * stops with it).
 */
export function servedUntilStopped({ io, what, stop, onLock }: Serving): Promise<number> {
  return new Promise<number>((resolve) => {
    let stopping = false;
    const finish = (code: number, words?: string) => {
      if (stopping) return;
      stopping = true;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (words) io.stderr.write(`barong-vault ${what}: ${words}\n`);
      void stop()
        .catch(() => undefined)
        .finally(() => resolve(code));
    };
    const onSignal = () => finish(EXIT_CODES.ok);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    onLock?.(() => finish(EXIT_CODES.locked, `the vault locked, so the ${what} stopped.`));
  });
}
