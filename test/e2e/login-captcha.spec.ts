import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { CAPTCHA_LOGIN } from '../../app/barong/captcha-login';
import { barongPaths } from '../../app/barong/paths';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { startSandbox } from '../../sandbox/start-sandbox';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { TRADER } from './seeded-sandbox';
import { addSandboxAccount, createVaultInPage, openAccountTab } from './ui-steps';

// The sandbox as started with --captcha: its configs say recaptcha, and a login without one is refused.
let sandbox: RunningSandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, seed: true, captcha: true });
});
test.afterEach(async () => {
  await sandbox.close();
});
// Each test runs axe over the page: up to ten seconds on a busy machine.
test.describe.configure({ timeout: 60_000 });

/** A vault and an account on `baseUrl` with the trader's login email, its Exchange section shown. */
async function exchangeOn(page: Page, url: string, baseUrl: string): Promise<Locator> {
  await createVaultInPage(page, url);
  await addSandboxAccount(page, baseUrl, { 'Login email (optional)': TRADER.email });
  await openAccountTab(page, 'Exchange');
  const exchange = page.getByRole('region', { name: 'Exchange', exact: true });
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText('Logged out.');
  return exchange;
}

/**
 * The sandbox behind a server whose identity/configs is missing, as on an older Barong: the login
 * form cannot know of the captcha beforehand, and learns it from the refused login.
 */
async function withoutConfigs(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((incoming, answer) => {
    if (incoming.url?.startsWith(barongPaths.configs)) {
      answer.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":["404 Not Found"]}');
      return;
    }
    const forwarded = httpRequest(new URL(incoming.url ?? '/', target), { method: incoming.method, headers: incoming.headers }, (response) => {
      answer.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(answer);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('an exchange that asks for a captcha at login is said so before any password, with the way forward to Import key', async ({ page, harness }) => {
  const exchange = await exchangeOn(page, harness.url, sandbox.url);
  const notice = exchange.getByRole('region', { name: 'Log in' });
  await expect(notice).toContainText(`${CAPTCHA_LOGIN.message} ${CAPTCHA_LOGIN.action}`);
  // No password is asked for, since no login could succeed.
  await expect(exchange.getByLabel('Password')).toHaveCount(0);
  await expect(exchange.getByRole('form', { name: 'Log in' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await notice.getByRole('button', { name: 'Go to Import key' }).click();
  await expect(page.getByRole('form', { name: 'Import key' }).getByLabel('Key id (kid)')).toBeFocused();
});

test('where configs cannot be read the form stays as today, and a login refused for a captcha gives the same words', async ({ page, harness }) => {
  const proxy = await withoutConfigs(sandbox.url);
  try {
    const exchange = await exchangeOn(page, harness.url, proxy.url);
    const login = exchange.getByRole('form', { name: 'Log in' });
    await login.getByLabel('Password').fill(TRADER.password);
    await login.getByRole('button', { name: 'Log in' }).click();

    const notice = exchange.getByRole('region', { name: 'Log in' });
    await expect(notice).toContainText(`${CAPTCHA_LOGIN.message} ${CAPTCHA_LOGIN.action}`);
    await expect(exchange.getByLabel('Password')).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
  } finally {
    await proxy.close();
  }
});
