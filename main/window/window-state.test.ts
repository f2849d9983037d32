import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, readWindowState, windowBounds, writeWindowState } from './window-state';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('windowBounds', () => {
  it('keeps saved bounds that lie on a display, on any display', () => {
    const saved = { x: 100, y: 100, width: 1100, height: 750 };
    expect(windowBounds(saved, [laptop])).toEqual(saved);
    const onSecond = { x: 2000, y: 200, width: 1300, height: 900 };
    expect(windowBounds(onSecond, [laptop, rightMonitor])).toEqual(onSecond);
  });

  it('centres the default size on the primary display when there is nothing saved', () => {
    expect(windowBounds(undefined, [laptop])).toEqual({ x: 120, y: 62, ...DEFAULT_WINDOW_SIZE });
  });

  it('moves a window whose monitor was unplugged back onto the primary display', () => {
    const onUnplugged = { x: 2000, y: 200, width: 1300, height: 900 };
    expect(windowBounds(onUnplugged, [laptop])).toEqual({ x: 120, y: 62, ...DEFAULT_WINDOW_SIZE });
  });

  it('refuses bounds that straddle an edge or two displays: the whole window must be visible on one', () => {
    expect(windowBounds({ x: 1000, y: 100, width: 1100, height: 700 }, [laptop, rightMonitor])).toEqual({ x: 120, y: 62, ...DEFAULT_WINDOW_SIZE });
    expect(windowBounds({ x: -50, y: 100, width: 1100, height: 700 }, [laptop])).toEqual({ x: 120, y: 62, ...DEFAULT_WINDOW_SIZE });
  });

  it('fits the default into a screen smaller than it', () => {
    expect(windowBounds(undefined, [{ x: 0, y: 0, width: 1024, height: 600 }])).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });

  it('gives the default size, unplaced, when no display is known', () => {
    expect(windowBounds(undefined, [])).toEqual(DEFAULT_WINDOW_SIZE);
  });
});

describe('window state file', () => {
  const dirs: string[] = [];
  const file = () => {
    const dir = mkdtempSync(join(tmpdir(), 'window-state-'));
    dirs.push(dir);
    return join(dir, 'window-state.json');
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads back what it wrote, and holds the bounds and the maximized flag only', () => {
    const path = file();
    const state = { bounds: { x: 10, y: 20, width: 1100, height: 750 }, maximized: true };
    writeWindowState(path, state);
    expect(readWindowState(path)).toEqual(state);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')))).toEqual(['bounds', 'maximized']);
  });

  it('treats a missing, corrupt or foreign file as no saved state', () => {
    const path = file();
    expect(readWindowState(path)).toBeUndefined();
    writeFileSync(path, '{"bounds": {"x": 1');
    expect(readWindowState(path)).toBeUndefined();
    writeFileSync(path, JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false }));
    expect(readWindowState(path)).toBeUndefined();
  });
});
