import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createAutoLock } from '../auto-lock/auto-lock';
import type { LockReason } from '../auto-lock/auto-lock';
import { lockOnPowerEvents } from './power-events';
import { reportWindowActivity } from './window-activity';

// Electron cannot start here: powerMonitor and the window's web contents are EventEmitters that
// the test fires, driving the real auto-lock.
vi.mock('electron', () => ({ powerMonitor: undefined }));

function setup(idleMinutes: number) {
  const locks: LockReason[] = [];
  const autoLock = createAutoLock({ lock: (reason) => locks.push(reason), idleMinutes });
  const monitor = new EventEmitter();
  const contents = new EventEmitter();
  lockOnPowerEvents(autoLock, monitor);
  reportWindowActivity(contents, autoLock);
  autoLock.vaultUnlocked();
  return { locks, monitor, contents };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('power events and window activity', () => {
  it('locks on system suspend', () => {
    const { locks, monitor } = setup(10);
    monitor.emit('suspend');
    expect(locks).toEqual(['suspend']);
  });

  it('locks on screen lock', () => {
    const { locks, monitor } = setup(10);
    monitor.emit('lock-screen');
    expect(locks).toEqual(['lock-screen']);
  });

  it('ignores the power events that say nothing about the user leaving', () => {
    const { locks, monitor } = setup(10);
    for (const event of ['resume', 'unlock-screen', 'on-ac', 'on-battery']) monitor.emit(event);
    expect(locks).toEqual([]);
  });

  it('keeps the vault open while the user types or moves the pointer in the window', () => {
    const { locks, contents } = setup(2);
    vi.advanceTimersByTime(90_000);
    contents.emit('before-input-event', {}, { type: 'keyDown', key: 'a' });
    vi.advanceTimersByTime(90_000);
    contents.emit('before-mouse-event', {}, { type: 'mouseMove', x: 1, y: 1 });
    vi.advanceTimersByTime(119_999);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['idle']);
  });

  it("takes Electron's own powerMonitor and web contents (checked by tsc)", () => {
    expectTypeOf<Electron.PowerMonitor>().toExtend<Parameters<typeof lockOnPowerEvents>[1]>();
    expectTypeOf<Electron.WebContents>().toExtend<Parameters<typeof reportWindowActivity>[0]>();
  });
});
