import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { holdQuitUntil } from './hold-quit';

vi.mock('electron', () => ({ app: undefined }));

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

describe('holdQuitUntil', () => {
  it('holds the quit until the work is done, once, then quits', async () => {
    const app = new FakeApp();
    let done: () => void = () => undefined;
    const finish = vi.fn(() => new Promise<void>((resolve) => (done = resolve)));
    holdQuitUntil(finish, vi.fn(), app);

    app.quit();
    app.quit();
    expect(app.attempts).toEqual([true, true]);
    expect(finish).toHaveBeenCalledTimes(1);
    done();
    await settled();
    expect(app.attempts).toEqual([true, true, false]);
  });

  it('quits when the work fails, and reports the failure', async () => {
    const app = new FakeApp();
    const onFailure = vi.fn();
    holdQuitUntil(() => Promise.reject(new Error('socket busy')), onFailure, app);
    app.quit();
    await settled();
    expect(onFailure).toHaveBeenCalledWith(new Error('socket busy'));
    expect(app.attempts).toEqual([true, false]);
  });
});
