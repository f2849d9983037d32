import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutoLock } from './auto-lock';
import type { LockReason } from './auto-lock';

const MINUTE = 60_000;

function setup(idleMinutes = 10) {
  const locks: LockReason[] = [];
  const autoLock = createAutoLock({ lock: (reason) => locks.push(reason), idleMinutes });
  return { autoLock, locks };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('auto-lock', () => {
  it('locks after the idle minutes without input, not a moment before', () => {
    const { autoLock, locks } = setup(10);
    autoLock.vaultUnlocked();
    vi.advanceTimersByTime(10 * MINUTE - 1);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['idle']);
  });

  it('counts the idle time from the last input', () => {
    const { autoLock, locks } = setup(10);
    autoLock.vaultUnlocked();
    vi.advanceTimersByTime(9 * MINUTE);
    autoLock.userActive();
    vi.advanceTimersByTime(9 * MINUTE);
    autoLock.userActive();
    vi.advanceTimersByTime(10 * MINUTE - 1);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['idle']);
  });

  it('keeps one timer however much input arrives', () => {
    const { autoLock } = setup(10);
    autoLock.vaultUnlocked();
    for (let i = 0; i < 1000; i++) {
      vi.advanceTimersByTime(10);
      autoLock.userActive();
    }
    expect(vi.getTimerCount()).toBe(1);
  });

  it('locks once, then waits for the next unlock', () => {
    const { autoLock, locks } = setup(1);
    autoLock.vaultUnlocked();
    vi.advanceTimersByTime(5 * MINUTE);
    expect(locks).toEqual(['idle']);
    expect(vi.getTimerCount()).toBe(0);
    autoLock.vaultUnlocked();
    vi.advanceTimersByTime(MINUTE);
    expect(locks).toEqual(['idle', 'idle']);
  });

  it('does not time a locked vault', () => {
    const { autoLock, locks } = setup(1);
    vi.advanceTimersByTime(10 * MINUTE);
    autoLock.vaultUnlocked();
    autoLock.vaultLocked();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(locks).toEqual([]);
  });

  it('never locks for idleness when the setting is 0', () => {
    const { autoLock, locks } = setup(0);
    autoLock.vaultUnlocked();
    vi.advanceTimersByTime(7 * 24 * 60 * MINUTE);
    expect(locks).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('applies a changed setting to the current idle period', () => {
    const { autoLock, locks } = setup(10);
    autoLock.vaultUnlocked();
    vi.advanceTimersByTime(3 * MINUTE);
    autoLock.setIdleMinutes(5);
    vi.advanceTimersByTime(2 * MINUTE - 1);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['idle']);

    autoLock.vaultUnlocked();
    autoLock.setIdleMinutes(0);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(locks).toEqual(['idle']);
    autoLock.setIdleMinutes(1);
    vi.advanceTimersByTime(0);
    expect(locks).toEqual(['idle', 'idle']); // an hour idle already: the new limit is past
  });

  it('locks at once on suspend and on screen lock, also with the idle lock off', () => {
    const { autoLock, locks } = setup(0);
    autoLock.vaultUnlocked();
    autoLock.systemAway('suspend');
    autoLock.vaultUnlocked();
    autoLock.systemAway('lock-screen');
    expect(locks).toEqual(['suspend', 'lock-screen']);
  });

  it('stops the idle timer when the system locks the vault', () => {
    const { autoLock, locks } = setup(10);
    autoLock.vaultUnlocked();
    autoLock.systemAway('suspend');
    vi.advanceTimersByTime(60 * MINUTE);
    expect(locks).toEqual(['suspend']);
  });
});
