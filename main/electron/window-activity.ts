import type { AutoLock } from '../auto-lock/auto-lock';

interface InputEvents {
  on(event: 'before-input-event' | 'before-mouse-event', listener: () => void): unknown;
}

/**
 * Feeds the auto-lock with the user's input to the window, as the main process sees it before the
 * page does: keys, clicks, wheel and pointer moves. The renderer cannot fake these.
 */
export function reportWindowActivity(contents: InputEvents, autoLock: Pick<AutoLock, 'userActive'>): void {
  const active = () => autoLock.userActive();
  contents.on('before-input-event', active);
  contents.on('before-mouse-event', active);
}
