import { EventEmitter } from 'node:events';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
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
  it("runs the first instance and hands it a second start's command line and directory", () => {
    const app = new FakeApp(true);
    const onSecondStart = vi.fn();
    expect(holdSingleInstance(onSecondStart, app)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', { preventDefault: vi.fn() }, ['barong-vault', '/home/t/monday.barongvault'], '/home/t', {});
    expect(onSecondStart).toHaveBeenCalledExactlyOnceWith(['barong-vault', '/home/t/monday.barongvault'], '/home/t');
  });

  it('quits a second instance', () => {
    const app = new FakeApp(false);
    const onSecondStart = vi.fn();
    expect(holdSingleInstance(onSecondStart, app)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it("takes Electron's own app (checked by tsc)", () => {
    expectTypeOf<Electron.App>().toExtend<Parameters<typeof holdSingleInstance>[1]>();
  });
});
