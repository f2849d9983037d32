import { describe, expect, it, vi } from 'vitest';
import { applicationMenu } from './application-menu';
import type { MenuEntry } from './application-menu';
import { developerToolsFor } from './developer-tools';
import { webPreferences } from './web-preferences';

const roles = (entries: readonly MenuEntry[]): string[] => entries.flatMap((entry) => [...(entry.role ? [entry.role] : []), ...roles(entry.submenu ?? [])]);

/** What main/index.ts builds from `app.isPackaged`: the window's webPreferences and the application menu. */
function windowAndMenu(packaged: boolean, platform: NodeJS.Platform) {
  const devTools = developerToolsFor({ packaged });
  return {
    preferences: webPreferences('/app/preload.cjs', { devTools }),
    menuRoles: roles(applicationMenu({ platform, appName: 'Barong Vault', run: vi.fn(), devTools })),
  };
}

describe.each(['darwin', 'win32', 'linux'] as const)('developer tools on %s', (platform) => {
  it('are off in a packaged build: the window refuses them and the menu has no item to open them', () => {
    const { preferences, menuRoles } = windowAndMenu(true, platform);
    expect(preferences.devTools).toBe(false);
    expect(menuRoles).not.toContain('toggleDevTools');
  });

  it('are on in a development build, window and menu alike', () => {
    const { preferences, menuRoles } = windowAndMenu(false, platform);
    expect(preferences.devTools).toBe(true);
    expect(menuRoles.filter((role) => role === 'toggleDevTools')).toEqual(['toggleDevTools']);
  });
});
