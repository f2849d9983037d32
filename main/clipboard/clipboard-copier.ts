import type { Logger } from '../logging/logger';
import { systemTimers } from '../timers/timers';
import type { Cancel, Timers } from '../timers/timers';

/** The OS clipboard as main sees it (Electron's calls are Promises from Electron 44 on). */
export interface SystemClipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  /** Writes text marked, where the OS has a way to say so, as not for clipboard history or sync. */
  writeSecretText(text: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * `secret`: signed commands and headers, which work as bearer credentials until their nonce
 * expires, and anything revealed from the vault. `plain`: text that is harmless to keep.
 */
export type CopyKind = 'secret' | 'plain';

export interface ClipboardCopierOptions {
  clipboard: SystemClipboard;
  /** The `clipboardClearSeconds` setting, read at each secret copy; 0: no timed clear but at an expiry. */
  clearAfterSeconds: () => number;
  logger: Logger;
  timers?: Timers;
}

export interface ClipboardCopier {
  /**
   * Answers the seconds until the copy is cleared: 0 when it stays (plain, or the setting is 0
   * and nothing expires). `expiresAtMs` (on `timers.now()`'s clock) is when a secret stops working,
   * as a signed command's nonce does: the copy is cleared then if the setting has not cleared it
   * first, whatever the setting, 0 included, since a dead command is no use to keep.
   */
  copy(text: string, kind: CopyKind, expiresAtMs?: number): Promise<number>;
  /** Clears a secret copy still on the clipboard now, for quit; the pending timed clear is dropped. */
  clearNow(): Promise<void>;
}

/**
 * Copies for the renderer, which has no clipboard of its own, and clears secret copies after the
 * configured delay, the way Bitwarden does: only if the clipboard still holds what the app wrote,
 * so that whatever the user copied since is never wiped. A newer copy replaces the pending clear.
 *
 * Operations run one at a time, in call order: a copy made while a clear is comparing waits for
 * it, so the clear cannot read the old secret, let the new copy land, and then wipe the new copy.
 * Every copy drops the pending clear before it writes, so a clear never outlives its copy.
 */
export function createClipboardCopier({ clipboard, clearAfterSeconds, logger, timers = systemTimers }: ClipboardCopierOptions): ClipboardCopier {
  let owed: { readonly text: string; readonly cancel: Cancel } | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const inTurn = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = queue.then(operation);
    queue = run.catch(() => undefined);
    return run;
  };

  const forget = () => {
    owed?.cancel();
    owed = undefined;
  };

  const clearIfStillOurs = async () => {
    const copy = owed;
    forget();
    if (copy !== undefined && sameText(await clipboard.readText(), copy.text)) await clipboard.clear();
  };

  return {
    copy: (text, kind, expiresAtMs) =>
      inTurn(async () => {
        forget();
        if (kind === 'plain') {
          await clipboard.writeText(text);
          return 0;
        }
        await clipboard.writeSecretText(text);
        const delayMs = clearDelayMs(Math.max(0, clearAfterSeconds()), expiresAtMs === undefined ? undefined : expiresAtMs - timers.now());
        if (delayMs === undefined) return 0;
        const cancel = timers.after(delayMs, () => {
          inTurn(clearIfStillOurs).catch((error: unknown) => logger.warn('clipboard.clear_failed', { error: error instanceof Error ? error.name : 'unknown' }));
        });
        owed = { text, cancel };
        return delayMs / 1000;
      }),
    clearNow: () => inTurn(clearIfStillOurs),
  };
}

/** The sooner of the setting (0: never) and the expiry, or undefined when neither clears. */
function clearDelayMs(settingSeconds: number, msToExpiry: number | undefined): number | undefined {
  const setting = settingSeconds === 0 ? undefined : settingSeconds * 1000;
  // At least 1 ms: an answer of 0 would read as "it stays" (and the command is dead already anyway).
  const expiry = msToExpiry === undefined ? undefined : Math.max(1, msToExpiry);
  if (setting === undefined) return expiry;
  return expiry === undefined ? setting : Math.min(setting, expiry);
}

// Windows may hand text back with CRLF line ends where the app wrote LF; that is still our copy.
function sameText(onClipboard: string, written: string): boolean {
  return onClipboard.replace(/\r\n/g, '\n') === written.replace(/\r\n/g, '\n');
}
