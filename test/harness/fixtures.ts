import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import type { MemoryClipboard } from '../../main/clipboard/tests/memory-clipboard';
import type { FakeOwnerPrompt } from '../../main/privilege/tests/fake-owner-prompt';
import type { BackendChannels } from '../../main/services/serve-channels';
import { startHarnessBackend } from './harness-backend';
import { startHarnessServer } from './harness-server';
import { wirePage } from './wire-page';

// Another built renderer may be named, so that builds running side by side do not share a folder.
const RENDERER_DIR = process.env.BARONG_RENDERER_DIR ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface Harness {
  /** The renderer's address: http://127.0.0.1:<port>/. */
  url: string;
  port: number;
  /** The core's page door: what the page may call, for seeding and checking a test's state. */
  backend: { channels: BackendChannels };
  /** Main's native dialog, which the page cannot click: `answer` it 'allow' or 'deny' (the default); `asked` lists what it showed. */
  ownerPrompt: FakeOwnerPrompt;
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
    const { core, channels, ownerPrompt, clipboard, dispose } = startHarnessBackend(keychainBackend);
    const server = await startHarnessServer({ rendererDir: RENDERER_DIR, channels });
    const stopEvents = await wirePage(page, core, server);
    await use({ url: `${server.origin}/`, port: server.port, backend: { channels }, ownerPrompt, clipboard });
    stopEvents();
    await server.close();
    await dispose();
  },
});

export { expect } from '@playwright/test';
