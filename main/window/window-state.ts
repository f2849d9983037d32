import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the app remembers of its window between runs: where it was, and nothing else. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

// 1024x700 is the smallest size the UI is designed for.
export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

const int = z.number().int().safe();
const windowStateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.positive(), height: int.positive() }),
  maximized: z.boolean(),
});

/**
 * Where the window opens: the saved bounds when they lie entirely on one of the displays as they
 * are now (a monitor may have been unplugged or rearranged since), otherwise the default size
 * centred on the primary display's work area. Sizes are kept at least the minimum and at most
 * the work area, so the window never opens too small for the UI or larger than the screen.
 * `displays` are work areas, primary first.
 */
export function windowBounds(saved: Rect | undefined, displays: readonly Rect[]): Rect | { width: number; height: number } {
  const primary = displays[0];
  if (saved !== undefined && displays.some((area) => contains(area, saved))) return saved;
  if (primary === undefined) return { ...DEFAULT_WINDOW_SIZE };
  const width = clamp(DEFAULT_WINDOW_SIZE.width, Math.min(MIN_WINDOW_SIZE.width, primary.width), primary.width);
  const height = clamp(DEFAULT_WINDOW_SIZE.height, Math.min(MIN_WINDOW_SIZE.height, primary.height), primary.height);
  return {
    x: primary.x + Math.floor((primary.width - width) / 2),
    y: primary.y + Math.floor((primary.height - height) / 2),
    width,
    height,
  };
}

function contains(area: Rect, rect: Rect): boolean {
  return rect.x >= area.x && rect.y >= area.y && rect.x + rect.width <= area.x + area.width && rect.y + rect.height <= area.y + area.height;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** The saved state, or undefined when there is none or it is unreadable: a bad file only costs the position. */
export function readWindowState(path: string): WindowState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed over, so a crash mid-write leaves the previous state rather than half a file. */
export function writeWindowState(path: string, state: WindowState): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(windowStateSchema.parse(state))}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
