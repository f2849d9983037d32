import type { Page } from '@playwright/test';
import type { AppCore } from '../../main/core/create-app-core';
import { invokeOverHttp } from './api-over-http';
import type { HarnessServer } from './harness-server';
import { DELIVER_EVENT, INVOKE_BINDING } from './page-bridge-names';
import { pageApiScript } from './page-api-script';

/** Built once per process, on first use. */
let apiScript: Promise<string> | undefined;

/**
 * Before the page loads: a `window.api` built like the preload's, whose calls a Playwright binding
 * forwards over HTTP to the harness server, as the preload reaches main through IPC; and the
 * backend's events delivered to it, as webContents.send would. Answers the function that stops the events.
 */
export async function wirePage(page: Page, core: Pick<AppCore, 'onEvent'>, server: HarnessServer): Promise<() => void> {
  apiScript ??= pageApiScript();
  await page.exposeFunction(INVOKE_BINDING, invokeOverHttp(server));
  await page.addInitScript({ content: await apiScript });
  return core.onEvent((name, payload) => {
    // The page may be navigating or closed: an event it misses is one the app would miss too.
    page
      .evaluate(([event, body, deliver]) => (globalThis as unknown as Record<string, (e: string, p: unknown) => void>)[deliver]?.(event, body), [
        name,
        payload,
        DELIVER_EVENT,
      ] as const)
      .catch(() => undefined);
  });
}
