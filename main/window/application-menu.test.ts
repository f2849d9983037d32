import { describe, expect, it, vi } from 'vitest';
import { COMMAND_ACCELERATORS, applicationMenu } from './application-menu';
import type { MenuCommand, MenuEntry } from './application-menu';

const flatten = (entries: readonly MenuEntry[]): MenuEntry[] => entries.flatMap((entry) => [entry, ...flatten(entry.submenu ?? [])]);
const roles = (entries: readonly MenuEntry[]) => flatten(entries).flatMap((entry) => (entry.role ? [entry.role] : []));
const topLabels = (entries: readonly MenuEntry[]) => entries.map((entry) => entry.label);

describe.each(['darwin', 'win32', 'linux'] as const)('applicationMenu on %s', (platform) => {
  const expected: Array<[accelerator: string, command: MenuCommand]> = [
    ['CmdOrCtrl+L', 'lock'],
    ['CmdOrCtrl+K', 'search'],
    ['CmdOrCtrl+,', 'settings'],
  ];

  it.each(expected)('has %s, which runs %s, once in the whole menu', (accelerator, command) => {
    const run = vi.fn();
    const items = flatten(applicationMenu({ platform, appName: 'Barong Vault', run })).filter((entry) => entry.accelerator === accelerator);
    expect(items).toHaveLength(1);
    items[0]?.click?.();
    expect(run).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('sets no accelerator but the app commands (roles bring their own)', () => {
    const menu = applicationMenu({ platform, appName: 'Barong Vault', run: vi.fn() });
    const accelerators = flatten(menu).flatMap((entry) => (entry.accelerator ? [entry.accelerator] : []));
    expect(accelerators.sort()).toEqual(Object.values(COMMAND_ACCELERATORS).sort());
  });

  it('has the standard editing, zoom and window roles, and quit', () => {
    const menu = roles(applicationMenu({ platform, appName: 'Barong Vault', run: vi.fn() }));
    expect(menu).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'minimize', 'quit']));
  });

  it('has developer tools only when asked, and never reload', () => {
    expect(roles(applicationMenu({ platform, appName: 'Barong Vault', run: vi.fn() }))).not.toContain('toggleDevTools');
    expect(roles(applicationMenu({ platform, appName: 'Barong Vault', run: vi.fn(), devTools: true }))).toContain('toggleDevTools');
    const labels = flatten(applicationMenu({ platform, appName: 'Barong Vault', run: vi.fn(), devTools: true })).map((entry) => `${entry.role ?? entry.label}`);
    expect(labels.join(' ').toLowerCase()).not.toContain('reload');
  });
});

describe('platform conventions', () => {
  it('opens with the app menu on macOS, holding about, settings, services, hide and quit', () => {
    const [first, ...rest] = applicationMenu({ platform: 'darwin', appName: 'Barong Vault', run: vi.fn() });
    expect(first?.label).toBe('Barong Vault');
    expect(roles([first ?? {}])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(flatten(first?.submenu ?? []).some((entry) => entry.accelerator === 'CmdOrCtrl+,')).toBe(true);
    expect(topLabels(rest)).toEqual(['Edit', 'Vault', 'View', 'Window']);
    expect(roles(rest)).toEqual(expect.arrayContaining(['pasteAndMatchStyle', 'zoom', 'front']));
  });

  it('puts settings and quit under File elsewhere, with mnemonics', () => {
    const menu = applicationMenu({ platform: 'win32', appName: 'Barong Vault', run: vi.fn() });
    expect(topLabels(menu)).toEqual(['&File', '&Edit', '&Vault', '&View', '&Window']);
    expect(roles(menu)).not.toContain('about');
    expect(roles(menu)).toContain('close');
  });
});
