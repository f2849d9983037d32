import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { holdSingleInstance } from './single-instance';

vi.mock('electron', () => ({ app: undefined }));

class FakeApp extends EventEmitter {
  constructor(private readonly lockFree: boolean) {
    super();
  }
  quit = vi.fn();
  requestSingleInstanceLock = () => this.lockFree;
}

describe('holdSingleInstance', () => {
  it('runs the first instance and brings it forward when another starts', () => {
    const app = new FakeApp(true);
    const showFirst = vi.fn();
    expect(holdSingleInstance(showFirst, app)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance');
    expect(showFirst).toHaveBeenCalledTimes(1);
  });

  it('quits a second instance', () => {
    const app = new FakeApp(false);
    const showFirst = vi.fn();
    expect(holdSingleInstance(showFirst, app)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
