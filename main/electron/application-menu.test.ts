import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { MenuEntry } from '../window/application-menu';
import { applicationMenu } from '../window/application-menu';
import { installApplicationMenu } from './application-menu';

vi.mock('electron', () => ({ Menu: undefined }));

describe('installApplicationMenu', () => {
  it("takes a template Electron's Menu accepts (checked by tsc)", () => {
    expectTypeOf<MenuEntry>().toExtend<Electron.MenuItemConstructorOptions>();
  });

  it('builds the template and makes it the application menu', () => {
    const built = {} as Electron.Menu;
    const menu = { buildFromTemplate: vi.fn(() => built), setApplicationMenu: vi.fn() };
    const template = applicationMenu({ platform: 'linux', appName: 'Barong Vault', run: vi.fn() });
    installApplicationMenu(template, menu);
    expect(menu.buildFromTemplate).toHaveBeenCalledExactlyOnceWith(template);
    expect(menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(built);
  });
});
