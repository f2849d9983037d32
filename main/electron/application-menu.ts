import { Menu } from 'electron';
import type { MenuEntry } from '../window/application-menu';

type MenuApi = Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;

export function installApplicationMenu(template: MenuEntry[], menu: MenuApi = Menu): void {
  menu.setApplicationMenu(menu.buildFromTemplate(template));
}
