import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import type { MemoryClipboard } from '../../main/clipboard/tests/memory-clipboard';
import type { Backend } from '../../main/services/create-backend';
import { startHarnessBackend } from './harness-backend';
import { startHarnessServer } from './harness-server';
import { wirePage } from './wire-page';

// Another built renderer may be named, so that builds running side by side do not share a folder.
const RENDERER_DIR = process.env.BARONG_RENDERER_DIR ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface Harness {
  /** The renderer's address: http://127.0.0.1:<port>/. */
  url: string;
  port: number;
  backend: Backend;
  /** The OS clipboard as the app's copier leaves it: `clipboard.state.text`. */
  clipboard: MemoryClipboard;
}

interface HarnessOptions {
  /** What the computer's keychain reports: a secure backend, or Linux's plain-text `basic_text`. */
  keychainBackend: string;
}

/**
 * `harness`: a fresh backend and harness server per test, and a page whose `window.api` reaches
 * that backend through a Playwright binding and the server's HTTP API, as the preload reaches main through IPC.
 */
export const test = base.extend<HarnessOptions & { harness: Harness }>({
  keychainBackend: ['gnome_libsecret', { option: true }],
  harness: async ({ page, keychainBackend }, use) => {
    const { backend, channels, clipboard, dispose } = startHarnessBackend(keychainBackend);
    const server = await startHarnessServer({ rendererDir: RENDERER_DIR, channels });
    const stopEvents = await wirePage(page, backend, server);
    await use({ url: `${server.origin}/`, port: server.port, backend, clipboard });
    stopEvents();
    await server.close();
    dispose();
  },
});

export { expect } from '@playwright/test';
