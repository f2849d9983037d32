import { screen as electronScreen } from 'electron';
import type { Logger } from '../logging/logger';
import { readWindowState, windowBounds, writeWindowState } from '../window/window-state';
import type { Rect } from '../window/window-state';

type Screen = Pick<Electron.Screen, 'getPrimaryDisplay' | 'getAllDisplays'>;

interface RememberedWindow {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** Where to open the window, from the state saved last time and the displays attached now. */
export function savedPlacement(statePath: string, screen: Screen = electronScreen): { bounds: Partial<Rect>; maximized: boolean } {
  const state = readWindowState(statePath);
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return {
    bounds: windowBounds(
      state?.bounds,
      [primary, ...others].map((display) => display.workArea),
    ),
    maximized: state?.maximized ?? false,
  };
}

/**
 * Saves the window's place when it closes. The normal bounds, not the current ones, so that a
 * maximized window comes back maximized over the place it had before.
 */
export function rememberWindowState(window: RememberedWindow, statePath: string, logger: Logger): void {
  window.on('close', () => {
    try {
      writeWindowState(statePath, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      logger.warn('window.state_not_saved', { error: error instanceof Error ? error.name : 'unknown' });
    }
  });
}
