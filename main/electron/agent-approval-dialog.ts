import { dialog } from 'electron';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import type { ApprovalAnswer, ApprovalPrompt } from '../agent/client-approval';

export interface ApprovalDialogParts {
  showMessageBox(window: BrowserWindow | undefined, options: MessageBoxOptions): Promise<{ response: number }>;
}

const electronParts = (): ApprovalDialogParts => ({
  showMessageBox: (window, options) => (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)),
});

// In the order of the buttons; Deny first, so that it is the default and what Escape chooses.
const ANSWERS: readonly ApprovalAnswer[] = ['deny', 'once', 'until-lock'];

/**
 * Main's own question about a program that asks the agent to sign for the first time: a native
 * box the page can neither draw nor click. The agent closes it (through the signal) when its wait
 * ends, and an unanswered question denies.
 */
export function createAgentApprovalDialog(window: () => BrowserWindow | undefined, parts: ApprovalDialogParts = electronParts()): ApprovalPrompt {
  return {
    ask: async ({ client, key, account, method, path }, signal) => {
      const { response } = await parts.showMessageBox(window(), {
        type: 'question',
        title: 'Barong Vault: a program asks to sign',
        message: `Let "${client}" sign with ${key} (${account})?`,
        detail: `It asks to sign ${method} ${path}. The key's policy still limits what it may sign. If you did not start this program, choose Deny.`,
        buttons: ['Deny', 'Allow once', 'Allow until the vault locks'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        signal,
      });
      return ANSWERS[response] ?? 'deny';
    },
  };
}
