import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readWindowState, writeWindowState } from '../window/window-state';
import { rememberWindowState, savedPlacement } from './remember-window';

vi.mock('electron', () => ({ screen: undefined }));

const display = (id: number, workArea: { x: number; y: number; width: number; height: number }) => ({ id, workArea }) as Electron.Display;

function fakeScreen(...displays: Electron.Display[]) {
  return { getPrimaryDisplay: () => displays[0] as Electron.Display, getAllDisplays: () => displays };
}

class FakeWindow extends EventEmitter {
  constructor(private readonly maximized: boolean) {
    super();
  }
  getNormalBounds = () => ({ x: 40, y: 50, width: 1100, height: 760 });
  isMaximized = () => this.maximized;
}

describe('remembering the window', () => {
  const dirs: string[] = [];
  const statePath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'remember-window-'));
    dirs.push(dir);
    return join(dir, 'window-state.json');
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('saves the normal bounds and the maximized flag on close, and opens there next time', () => {
    const path = statePath();
    const window = new FakeWindow(true);
    rememberWindowState(window, path, { info: vi.fn(), warn: vi.fn() });
    window.emit('close');
    expect(readWindowState(path)).toEqual({ bounds: { x: 40, y: 50, width: 1100, height: 760 }, maximized: true });
    expect(savedPlacement(path, fakeScreen(display(1, { x: 0, y: 0, width: 1920, height: 1080 })))).toEqual({
      bounds: { x: 40, y: 50, width: 1100, height: 760 },
      maximized: true,
    });
  });

  it('checks saved bounds against the secondary displays too', () => {
    const path = statePath();
    const onSecond = { x: 2000, y: 100, width: 1100, height: 760 };
    writeWindowState(path, { bounds: onSecond, maximized: false });
    const screen = fakeScreen(display(1, { x: 0, y: 0, width: 1920, height: 1080 }), display(2, { x: 1920, y: 0, width: 1920, height: 1080 }));
    expect(savedPlacement(path, screen).bounds).toEqual(onSecond);
  });

  it('logs a state it could not save, by error name only, and lets the window close', () => {
    const warn = vi.fn();
    const window = new FakeWindow(false);
    rememberWindowState(window, '/nonexistent/folder/window-state.json', { info: vi.fn(), warn });
    expect(() => window.emit('close')).not.toThrow();
    expect(warn).toHaveBeenCalledExactlyOnceWith('window.state_not_saved', { error: 'Error' });
  });
});
