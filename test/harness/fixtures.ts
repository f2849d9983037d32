import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import type { ChannelName } from '../../app/contract/channels';
import { CHANNEL_NAMES } from '../../app/contract/channels';
import type { Backend } from '../../main/services/create-backend';
import { startHarnessBackend } from './harness-backend';
import { DELIVER_EVENT, INVOKE_BINDING } from './page-bridge-names';
import { pageApiScript } from './page-api-script';
import { startRendererServer } from './renderer-server';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface Harness {
  /** The renderer's address: http://127.0.0.1:<port>/. */
  url: string;
  port: number;
  backend: Backend;
}

interface HarnessOptions {
  /** What the computer's keychain reports: a secure backend, or Linux's plain-text `basic_text`. */
  keychainBackend: string;
}

/** Built once per worker process, on first use. */
let apiScript: Promise<string> | undefined;

const isChannel = (name: string): name is ChannelName => (CHANNEL_NAMES as readonly string[]).includes(name);

/**
 * `harness`: a fresh backend and renderer server per test, and a page whose `window.api` reaches
 * that backend through a Playwright binding, as the preload reaches main through IPC.
 */
export const test = base.extend<HarnessOptions & { harness: Harness }>({
  keychainBackend: ['gnome_libsecret', { option: true }],
  harness: async ({ page, keychainBackend }, use) => {
    apiScript ??= pageApiScript();
    const { backend, dispose } = startHarnessBackend(keychainBackend);
    const server = await startRendererServer(RENDERER_DIR);
    await page.exposeFunction(INVOKE_BINDING, (channel: string, input: unknown) =>
      isChannel(channel) ? backend.channels[channel](input) : Promise.resolve({ ok: false, error: { code: 'ipc.unknown_channel', message: 'No such channel.' } }),
    );
    await page.addInitScript({ content: await apiScript });
    const stopEvents = backend.onEvent((name, payload) => {
      // The page may be navigating or closed: an event it misses is one the app would miss too.
      page.evaluate(([event, body, deliver]) => (globalThis as unknown as Record<string, (e: string, p: unknown) => void>)[deliver]?.(event, body), [name, payload, DELIVER_EVENT] as const).catch(() => undefined);
    });
    await use({ url: `${server.origin}/`, port: server.port, backend });
    stopEvents();
    await server.close();
    dispose();
  },
});

export { expect } from '@playwright/test';
