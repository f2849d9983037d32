import { app as electronApp } from 'electron';
import type { ClipboardCopier } from '../clipboard/clipboard-copier';
import type { Logger } from '../logging/logger';

interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the quit until a secret copy still on the clipboard is cleared: the clipboard outlives
 * the app. The quit goes ahead when the clear fails too (logged): a vault that cannot be closed
 * is worse than a signed command that expires with its nonce.
 */
export function clearClipboardOnQuit(copier: Pick<ClipboardCopier, 'clearNow'>, logger: Logger, app: QuittingApp = electronApp): void {
  let cleared = false;
  app.on('will-quit', (event) => {
    if (cleared) return;
    event.preventDefault();
    copier
      .clearNow()
      .catch((error: unknown) => logger.warn('clipboard.clear_on_quit_failed', { error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        cleared = true;
        app.quit();
      });
  });
}
