/** What the menu asks of the app: `lock` is done in main; `search` and `settings` are the renderer's. */
export type MenuCommand = 'lock' | 'search' | 'settings';

type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'appMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'windowMenu';

/** A subset of Electron's MenuItemConstructorOptions (the adapter's test checks it fits), free of Electron. */
export interface MenuEntry {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuEntry[];
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  run(command: MenuCommand): void;
  /** Development builds only, like the window's devTools. */
  devTools?: boolean;
}

/** The accelerators of the app's own commands: CmdOrCtrl is Cmd on macOS, Ctrl elsewhere. */
export const COMMAND_ACCELERATORS: Readonly<Record<MenuCommand, string>> = {
  lock: 'CmdOrCtrl+L',
  search: 'CmdOrCtrl+K',
  settings: 'CmdOrCtrl+,',
};

const separator: MenuEntry = { type: 'separator' };

/**
 * The application menu as a template for `Menu.buildFromTemplate`. Editing, zoom and window
 * commands use Electron's roles, so they follow each platform's conventions and text fields keep
 * their copy and paste shortcuts. There is no Reload: it would throw away the renderer's state
 * mid-task and is of use to developers only.
 */
export function applicationMenu({ platform, appName, run, devTools = false }: MenuOptions): MenuEntry[] {
  const mac = platform === 'darwin';
  const command = (label: string, name: MenuCommand): MenuEntry => ({ label, accelerator: COMMAND_ACCELERATORS[name], click: () => run(name) });
  const settings = command(mac ? 'Settings…' : '&Settings…', 'settings');
  const appMenu: MenuEntry[] = mac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            separator,
            settings,
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [{ label: '&File', submenu: [settings, separator, { role: 'quit' }] }];
  return [
    ...appMenu,
    {
      label: mac ? 'Edit' : '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
        { role: 'delete' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      label: mac ? 'Vault' : '&Vault',
      submenu: [command('Search', 'search'), separator, command('Lock', 'lock')],
    },
    {
      label: mac ? 'View' : '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...(devTools ? [separator, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: mac ? 'Window' : '&Window',
      role: 'windowMenu',
      submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
    },
  ];
}
