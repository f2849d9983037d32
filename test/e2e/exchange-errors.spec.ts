import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixtures';
import { seededSandboxForEachTest, TRADER } from './seeded-sandbox';
import { TotpCodes } from './totp-codes';
import { addSandboxAccount, createVaultInPage, openAccountTab } from './ui-steps';

const sandbox = seededSandboxForEachTest();

/** A loopback port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A vault, an account at `baseUrl`, and a login with the trader's password: the login form is returned. */
async function tryLogin(page: Page, url: string, baseUrl: string) {
  await createVaultInPage(page, url);
  await addSandboxAccount(page, baseUrl, { 'Login email (optional)': TRADER.email });
  await openAccountTab(page, 'Exchange');
  const exchange = page.getByRole('region', { name: 'Exchange', exact: true });
  const login = exchange.getByRole('form', { name: 'Log in' });
  await login.getByLabel('Password').fill(TRADER.password);
  await login.getByRole('button', { name: 'Log in' }).click();
  return { exchange, login };
}

test("a wrong 2FA code at login is explained in the catalogue's words, and the right one then works", async ({ page, harness }) => {
  const { exchange, login } = await tryLogin(page, harness.url, sandbox().url);
  const codes = new TotpCodes(TRADER.totpSecret);
  await login.getByLabel('2FA code').fill(codes.wrong());
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(login.getByRole('alert')).toHaveText('The 2FA code is wrong. Check the authenticator app and the computer clock, then enter the current code.');
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText('Logged out.');
  // Ready for the next code: the refused one is gone.
  await expect(login.getByLabel('2FA code')).toBeFocused();
  await expect(login.getByLabel('2FA code')).toHaveValue('');

  await login.getByLabel('2FA code').fill(await codes.next());
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText(/^Logged in as trader@sandbox\.test /);
});

test('a base URL with a wrong path prefix says the address has nothing there, and what to check', async ({ page, harness }) => {
  const { exchange, login } = await tryLogin(page, harness.url, `${sandbox().url}/exchange`);
  await expect(login.getByRole('alert')).toHaveText(
    "The exchange has nothing at this address (404 route.not_found). Check the account's base URL (the exchange's address, without /api/v2) and the path.",
  );
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText('Logged out.');
});

test('an https:// base URL to a plain-HTTP port says the server there does not speak HTTPS', async ({ page, harness }) => {
  const host = new URL(sandbox().url).host;
  const { exchange, login } = await tryLogin(page, harness.url, `https://${host}`);
  const words = `The secure connection to ${host} failed: the server there does not speak HTTPS. Check the account's base URL: https:// or http://, and the port.`;
  await expect(login.getByRole('alert')).toHaveText(words);
  await exchange.getByRole('button', { name: 'Sync clock' }).click();
  await expect(exchange.locator(':scope > p[role="alert"]')).toHaveText(words);
  await expect(exchange.getByLabel('Clock offset')).toHaveText('Clock not synced with the exchange yet.');
});

test('an exchange that is not reachable is named, with what to check', async ({ page, harness }) => {
  const port = await closedPort();
  const { exchange, login } = await tryLogin(page, harness.url, `http://127.0.0.1:${port}`);
  const words = `127.0.0.1:${port} refused the connection: is the address right, and the exchange up?`;
  await expect(login.getByRole('alert')).toHaveText(words);
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText('Logged out.');
  await exchange.getByRole('button', { name: 'Sync clock' }).click();
  await expect(exchange.locator(':scope > p[role="alert"]')).toHaveText(words);
});
