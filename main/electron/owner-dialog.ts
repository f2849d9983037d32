import { dialog, systemPreferences } from 'electron';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import type { OwnerPrompt } from '../privilege/owner-prompt';

export interface OwnerDialogParts {
  showMessageBox(window: BrowserWindow | undefined, options: MessageBoxOptions): Promise<{ response: number }>;
  canPromptTouchID(): boolean;
  promptTouchID(reason: string): Promise<void>;
  platform: NodeJS.Platform;
}

const electronParts = (): OwnerDialogParts => ({
  showMessageBox: (window, options) => (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)),
  canPromptTouchID: () => systemPreferences.canPromptTouchID(),
  promptTouchID: (reason) => systemPreferences.promptTouchID(reason),
  platform: process.platform,
});

const ALLOW = 1;

/**
 * The owner's confirmation on a vault without a passphrase: Touch ID where macOS offers it,
 * otherwise a native message box drawn by the OS for main, modal to the app's window. The page
 * has no way to draw, read or click either; Cancel is the default and what Escape chooses.
 */
export function createOwnerDialog(window: () => BrowserWindow | undefined, parts: OwnerDialogParts = electronParts()): OwnerPrompt {
  return {
    confirm: async ({ action }) => {
      if (parts.platform === 'darwin' && parts.canPromptTouchID()) {
        // Touch ID's sheet names the app itself: "Barong Vault is trying to <reason>".
        return parts.promptTouchID(action.charAt(0).toLowerCase() + action.slice(1)).then(
          () => true,
          () => false,
        );
      }
      const { response } = await parts.showMessageBox(window(), {
        type: 'warning',
        title: 'Barong Vault',
        message: `${action}?`,
        detail: 'The app asked to do this. If you did not ask for it just now, choose Cancel.',
        buttons: ['Cancel', 'Allow'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      return response === ALLOW;
    },
  };
}
