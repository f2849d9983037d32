// The Electron main process: wires the backend, the window and the OS together. Every decision
// lives in a tested module; this file only connects them, in the order Electron requires.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, session } from 'electron';
import type { EventPayload } from '../app/contract/events';
import { createAutoLock } from './auto-lock/auto-lock';
import type { AutoLock } from './auto-lock/auto-lock';
import { createClipboardCopier } from './clipboard/clipboard-copier';
import { installApplicationMenu } from './electron/application-menu';
import { clearClipboardOnQuit } from './electron/clipboard-on-quit';
import { createElectronClipboard } from './electron/clipboard-writer';
import { forwardEvents } from './electron/forward-events';
import { electronAddonPath } from './electron/native-addon';
import { receiveOpenedBackups } from './electron/opened-backups';
import type { OpenedBackups } from './electron/opened-backups';
import { lockOnPowerEvents } from './electron/power-events';
import { rememberWindowState, savedPlacement } from './electron/remember-window';
import { createSafeStorageKeychain } from './electron/safe-storage-keychain';
import { registerAppScheme, secureEveryWebContents, secureSession } from './electron/secure-window';
import { holdSingleInstance } from './electron/single-instance';
import { reportWindowActivity } from './electron/window-activity';
import { bindIpc } from './ipc/bind-ipc';
import { createFileLogger } from './logging/logger';
import type { Logger } from './logging/logger';
import { createBackend } from './services/create-backend';
import type { Backend } from './services/create-backend';
import { observeChannels } from './services/observe-channels';
import type { Settings } from './services/observe-channels';
import { settingsSchema } from './vault/schemas';
import { applicationMenu } from './window/application-menu';
import type { MenuCommand } from './window/application-menu';
import { APP_ENTRY_URL, APP_ORIGIN } from './window/app-origin';
import { developerToolsFor } from './window/developer-tools';
import { webPreferences } from './window/web-preferences';
import { MIN_WINDOW_SIZE, WINDOW_STATE_FILE } from './window/window-state';

// The bundle sits in out/main; the preload and the built renderer beside it.
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD = join(OUT_DIR, 'preload', 'index.cjs');
const RENDERER_DIR = join(OUT_DIR, 'renderer');
const DEV_TOOLS = developerToolsFor({ packaged: app.isPackaged });

let mainWindow: BrowserWindow | undefined;

registerAppScheme();
// Before `ready`: macOS hands over the backup that launched the app as soon as it can.
const openedBackups = receiveOpenedBackups();

const secondStart = (argv: string[], workingDirectory: string) => {
  showMainWindow();
  void openedBackups.fromArgv(argv, workingDirectory);
};
if (holdSingleInstance(secondStart)) {
  void openedBackups.fromArgv(process.argv, process.cwd());
  // A vault app quits with its window on every platform: a running app without a window would
  // keep an unlocked vault out of sight.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Barong Vault could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logger = createFileLogger(join(dataDir, 'main.log'));
  logger.info('app.start', { version: app.getVersion(), platform: process.platform, packaged: app.isPackaged });

  // The defaults until the vault's own settings are read.
  let settings: Settings = settingsSchema.parse({});
  const copier = createClipboardCopier({ clipboard: createElectronClipboard(), clearAfterSeconds: () => settings.clipboardClearSeconds, logger });
  clearClipboardOnQuit(copier, logger);

  const backend = createBackend({
    dataDir,
    keychain: createSafeStorageKeychain(),
    clipboard: copier,
    appVersion: app.getVersion(),
    logger,
    nativeBinding: electronAddonPath(app.getAppPath()),
  });
  app.on('quit', () => backend.close());

  const autoLock = createAutoLock({
    idleMinutes: settings.autoLockMinutes,
    lock: (reason) => {
      logger.info('vault.auto_lock', { reason });
      void backend.channels['vault.lock'](undefined);
    },
  });
  const channels = observeChannels(backend.channels, {
    unlocked: () => autoLock.vaultUnlocked(),
    settings: (current) => {
      settings = current;
      autoLock.setIdleMinutes(current.autoLockMinutes);
    },
  });
  backend.onEvent((name) => {
    if (name === 'vault.locked') autoLock.vaultLocked();
  });
  await channels['settings.get'](undefined);

  bindIpc(ipcMain, channels, { appOrigin: APP_ORIGIN, logger });
  secureEveryWebContents(logger);
  secureSession(session.defaultSession, RENDERER_DIR);
  lockOnPowerEvents(autoLock);
  const run = (command: MenuCommand) => {
    if (command === 'lock') {
      void channels['vault.lock'](undefined);
      return;
    }
    const payload: EventPayload<'menu.command'> = { command };
    mainWindow?.webContents.send('menu.command', payload);
  };
  installApplicationMenu(applicationMenu({ platform: process.platform, appName: app.getName(), run, devTools: DEV_TOOLS }));

  mainWindow = openMainWindow({ dataDir, backend, autoLock, logger, openedBackups });
  await mainWindow.loadURL(APP_ENTRY_URL);
}

interface WindowParts {
  dataDir: string;
  backend: Backend;
  autoLock: AutoLock;
  logger: Logger;
  openedBackups: OpenedBackups;
}

function openMainWindow({ dataDir, backend, autoLock, logger, openedBackups }: WindowParts) {
  const statePath = join(dataDir, WINDOW_STATE_FILE);
  const placement = savedPlacement(statePath);
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Barong Vault',
    show: false,
    webPreferences: webPreferences(PRELOAD, { devTools: DEV_TOOLS }),
  });
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  rememberWindowState(window, statePath, logger);
  reportWindowActivity(window.webContents, autoLock);
  const stopForwarding = forwardEvents(backend, window.webContents);
  openedBackups.sendTo(window.webContents, logger);
  window.on('closed', () => {
    stopForwarding();
    mainWindow = undefined;
  });
  return window;
}

function showMainWindow(): void {
  if (mainWindow === undefined) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}
