/** Cancels a scheduled callback; calling it after the callback ran does nothing. */
export type Cancel = () => void;

/** Time as the clipboard and auto-lock see it, so tests can drive it with fake timers. */
export interface Timers {
  after(ms: number, callback: () => void): Cancel;
  now(): number;
}

// Looked up at each call rather than captured, so vitest's fake timers replace them in tests.
export const systemTimers: Timers = {
  after: (ms, callback) => {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
  now: () => Date.now(),
};
