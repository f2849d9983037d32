import { systemTimers } from '../timers/timers';
import type { Cancel, Timers } from '../timers/timers';

export type LockReason = 'idle' | 'suspend' | 'lock-screen';
export type AwayReason = Exclude<LockReason, 'idle'>;

export interface AutoLockOptions {
  /** Locks the vault and resets the renderer's sensitive state; must be safe to call when locked. */
  lock(reason: LockReason): void;
  /** The `autoLockMinutes` setting at start; 0 turns the idle lock off. */
  idleMinutes: number;
  timers?: Timers;
}

export interface AutoLock {
  vaultUnlocked(): void;
  /** The vault was locked by any means: nothing left to time. */
  vaultLocked(): void;
  /** The user touched the app's window (a key, a click, a pointer move). */
  userActive(): void;
  setIdleMinutes(minutes: number): void;
  /** The machine is suspending or its screen is locking: lock now, whatever the idle setting. */
  systemAway(reason: AwayReason): void;
}

/**
 * Locks the vault after `idleMinutes` without user input to the app's window.
 *
 * Idle is measured from input to the app's own window, not system-wide
 * (`powerMonitor.getSystemIdleTime()`): system idle can only be shorter than the app's (any input
 * to the app is input to the system), so it would only keep the vault open longer while the user
 * works elsewhere; and it is unreliable on some Linux desktops (Wayland) where Chromium cannot read
 * it. The input comes from the main process's own view of the window (`before-input-event`,
 * `before-mouse-event`), not from messages the renderer sends, so a compromised page cannot keep
 * the vault open by pretending to be busy.
 *
 * Activity only records a time: pointer moves arrive by the hundred, and the one timer, set for
 * the earliest moment the limit could be reached, re-arms itself when it finds there was activity.
 */
export function createAutoLock({ lock, idleMinutes, timers = systemTimers }: AutoLockOptions): AutoLock {
  let unlocked = false;
  let minutes = idleMinutes;
  let lastActivity = timers.now();
  let cancelCheck: Cancel | undefined;

  const stopTiming = () => {
    cancelCheck?.();
    cancelCheck = undefined;
  };

  const timeIdle = () => {
    stopTiming();
    if (!unlocked || minutes <= 0) return;
    const idleFor = timers.now() - lastActivity;
    const limit = minutes * 60_000;
    if (idleFor >= limit) return lockFor('idle');
    cancelCheck = timers.after(limit - idleFor, timeIdle);
  };

  const lockFor = (reason: LockReason) => {
    unlocked = false;
    stopTiming();
    lock(reason);
  };

  return {
    vaultUnlocked: () => {
      unlocked = true;
      lastActivity = timers.now();
      timeIdle();
    },
    vaultLocked: () => {
      unlocked = false;
      stopTiming();
    },
    userActive: () => {
      lastActivity = timers.now();
    },
    setIdleMinutes: (value) => {
      minutes = value;
      timeIdle();
    },
    // Locks even when the vault looks locked already: an unlock this module was not told about
    // must not survive a suspend.
    systemAway: (reason) => lockFor(reason),
  };
}
