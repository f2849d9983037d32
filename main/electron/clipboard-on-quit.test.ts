import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../logging/logger';
import { clearClipboardOnQuit } from './clipboard-on-quit';

vi.mock('electron', () => ({ app: undefined }));

/** Lets every pending promise callback run: what the adapter does after an async call settles. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An app that records whether each quit attempt was held back, as Electron's will-quit does. */
class FakeApp extends EventEmitter {
  readonly attempts: boolean[] = [];
  quit() {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    this.emit('will-quit', event);
    this.attempts.push(event.prevented);
  }
}

function deferred() {
  const settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const promise = new Promise<void>((resolve, reject) => Object.assign(settle, { resolve, reject }));
  return { promise, ...settle };
}

describe('clearClipboardOnQuit', () => {
  it('holds the quit until the clipboard is cleared, then quits', async () => {
    const app = new FakeApp();
    const clear = deferred();
    const copier = { clearNow: vi.fn(() => clear.promise) };
    const logger: Logger = { info: vi.fn(), warn: vi.fn() };
    clearClipboardOnQuit(copier, logger, app);

    app.quit();
    expect(app.attempts).toEqual([true]);
    expect(copier.clearNow).toHaveBeenCalledTimes(1);
    clear.resolve();
    await settled();
    expect(app.attempts).toEqual([true, false]);
    expect(copier.clearNow).toHaveBeenCalledTimes(1);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still quits when the clear fails, and logs it', async () => {
    const app = new FakeApp();
    const clear = deferred();
    const warn = vi.fn();
    clearClipboardOnQuit({ clearNow: () => clear.promise }, { info: vi.fn(), warn }, app);
    app.quit();
    clear.reject(new TypeError('clipboard gone'));
    await settled();
    expect(app.attempts).toEqual([true, false]);
    expect(warn).toHaveBeenCalledExactlyOnceWith('clipboard.clear_on_quit_failed', { error: 'TypeError' });
  });
});
