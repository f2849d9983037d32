import { ClipboardItem, clipboard as electronClipboard } from 'electron';
import type { SystemClipboard } from '../clipboard/clipboard-copier';
import { historyExclusionFormats } from '../clipboard/history-markers';

type ElectronClipboard = Pick<Electron.Clipboard, 'readText' | 'writeText' | 'write' | 'clear'>;

/** Electron's name for a raw OS clipboard format (Electron 44+; writeBuffer is gone). */
export const osClipboardFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

/**
 * The OS clipboard through Electron. A secret goes out as one ClipboardItem carrying the text and
 * this platform's "do not keep" markers (see ../clipboard/README.md), which Electron commits in a
 * single transaction, so no history watcher ever sees the text without its markers.
 */
export function createElectronClipboard(clipboard: ElectronClipboard = electronClipboard, platform: NodeJS.Platform = process.platform): SystemClipboard {
  return {
    readText: () => clipboard.readText(),
    writeText: (text) => clipboard.writeText(text),
    writeSecretText: (text) => {
      const items: Record<string, string | Blob> = { 'text/plain': text };
      for (const [name, payload] of Object.entries(historyExclusionFormats(platform))) items[osClipboardFormat(name)] = new Blob([payload]);
      return clipboard.write([new ClipboardItem(items)]);
    },
    // Emptying the clipboard, rather than writing '', leaves no empty entry in a history.
    clear: async () => clipboard.clear(),
  };
}
