import { startEchoServer } from '../support/echo-server';
import type { EchoServer } from '../support/echo-server';
import { expect, test } from '../harness/fixtures';

// What Electron alone enforces cannot be seen here, where the page is a plain http page in
// Chromium: the sandbox and context isolation are pinned in main/window/web-preferences.test.ts
// (and test/security/main-window.test.ts checks the window is built with them), the refusal of
// top-level navigation, redirects, new windows and webviews in main/window/navigation-policy.test.ts
// and main/electron/secure-window.test.ts (the will-navigate wiring). What the page itself and
// its CSP decide is checked here, in the real renderer.

test('the page has no Node and only the contract as window.api', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  expect(await page.evaluate(() => [typeof require, typeof process, typeof Buffer, typeof module, typeof global])).toEqual([
    'undefined',
    'undefined',
    'undefined',
    'undefined',
    'undefined',
  ]);
  const api = await page.evaluate(() => {
    const bridge = (globalThis as unknown as { api: Record<string, Record<string, unknown>> }).api;
    return { frozen: Object.isFrozen(bridge), vaultFrozen: Object.isFrozen(bridge['vault']), namespaces: Object.keys(bridge).sort() };
  });
  expect(api.frozen && api.vaultFrozen).toBe(true);
  expect(api.namespaces).toContain('vault');
});

test('the CSP blocks every network request from the page, even to its own server', async ({ page, harness }) => {
  const response = await page.goto(harness.url);
  expect(response?.headers()['content-security-policy']).toContain("connect-src 'none'");
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  const violation = page.waitForEvent('console', (message) => message.text().includes('Content Security Policy'));
  const outcome = await page.evaluate(async (url) => {
    try {
      await fetch(url);
      return 'fetched';
    } catch (error) {
      return `rejected: ${String(error)}`;
    }
  }, `http://127.0.0.1:${harness.port}/`);
  expect(outcome).toMatch(/^rejected/);
  await violation;
});

/**
 * The few browser members the page code below uses: this project's type check is Node's and has
 * no DOM library, and adding one would let DOM names slip into main/ unnoticed.
 */
interface PageWorld {
  document: {
    createElement(tag: string): object;
    querySelector(selector: string): { textContent: string | null } | null;
    body: { append(element: object): void };
    head: { append(element: object): void };
    addEventListener(type: 'securitypolicyviolation', listener: (event: { effectiveDirective: string; blockedURI: string }) => void): void;
  };
  XMLHttpRequest: new () => { open(method: string, url: string): void; send(): void };
  WebSocket: new (url: string) => { addEventListener(type: 'error', listener: () => void): void };
  EventSource: new (url: string) => { addEventListener(type: 'error', listener: () => void): void; close(): void };
  navigator: { sendBeacon(url: string, data: string): boolean };
  location: { href: string };
  cspViolations: Array<{ directive: string; blocked: string }>;
}

test.describe('nothing the page sends, loads, submits or frames reaches another origin', () => {
  let elsewhere: EchoServer;
  test.beforeAll(async () => {
    elsewhere = await startEchoServer();
  });
  test.afterAll(async () => elsewhere.close());

  test('each attempt is refused by the CSP before a request leaves the page', async ({ page, harness }) => {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

    const target = elsewhere.url;
    await page.evaluate((origin) => {
      const world = globalThis as unknown as PageWorld;
      const { document } = world;
      world.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        world.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
      );
      const add = (tag: string, properties: object) => {
        const element = Object.assign(document.createElement(tag), properties);
        (tag === 'base' ? document.head : document.body).append(element);
        return element;
      };

      fetch(`${origin}/fetch`).catch(() => undefined);
      const request = new world.XMLHttpRequest();
      request.open('GET', `${origin}/xhr`);
      request.send();
      new world.WebSocket(`${origin.replace('http:', 'ws:')}/socket`).addEventListener('error', () => undefined);
      const events = new world.EventSource(`${origin}/events`);
      events.addEventListener('error', () => events.close());
      world.navigator.sendBeacon(`${origin}/beacon`, 'x');
      add('img', { src: `${origin}/image` });
      add('script', { src: `${origin}/script` });
      add('link', { rel: 'stylesheet', href: `${origin}/style` });
      add('iframe', { src: `${origin}/frame` });
      add('base', { href: `${origin}/base/` });
      (add('form', { method: 'post', action: `${origin}/form` }) as { submit(): void }).submit();
    }, target);

    const expected = [
      ['connect-src', `${target}/fetch`],
      ['connect-src', `${target}/xhr`],
      ['connect-src', `${target.replace('http:', 'ws:')}/socket`],
      ['connect-src', `${target}/events`],
      ['connect-src', `${target}/beacon`],
      ['img-src', `${target}/image`],
      ['script-src-elem', `${target}/script`],
      ['style-src-elem', `${target}/style`],
      // A blocked frame is reported by its origin alone.
      ['frame-src', target],
      ['base-uri', `${target}/base/`],
      ['form-action', `${target}/form`],
    ];
    // Every attempt is judged when it starts: once all are reported, none can still go out.
    await expect
      .poll(async () => {
        const seen = await page.evaluate(() => (globalThis as unknown as PageWorld).cspViolations);
        return expected.filter(([directive, blocked]) => !seen.some((violation) => violation.directive === directive && violation.blocked === blocked));
      })
      .toEqual([]);
    expect(elsewhere.requests).toEqual([]);
    // Still the vault's page. (Read in the page: Playwright's locators wait for the refused form
    // submission as for a navigation that never ends.)
    const still = await page.evaluate(() => {
      const world = globalThis as unknown as PageWorld;
      return [world.location.href, world.document.querySelector('h1')?.textContent];
    });
    expect(still).toEqual([harness.url, 'Create your vault']);
  });
});
