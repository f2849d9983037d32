import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixtures';
import { seededSandboxForEachTest, TRADER } from './seeded-sandbox';
import { totpCode } from '../support/sandbox-keys';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { addSandboxAccount, comesAfter, createVaultInPage, openAccountTab } from './ui-steps';

const sandbox = seededSandboxForEachTest();

/** A vault and an account on the sandbox with the trader's login email, opened. */
async function setUp(page: Page, url: string) {
  await createVaultInPage(page, url);
  await addSandboxAccount(page, sandbox().url, { 'Login email (optional)': TRADER.email });
  await openAccountTab(page, 'Exchange');
  const exchange = page.getByRole('region', { name: 'Exchange', exact: true });
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText('Logged out.');
  return exchange;
}

test('logs in with 2FA, validates, creates a key with the next code, reconciles, tests it, logs out', async ({ page, harness }) => {
  // Besides the flow, four screens are audited by axe and pictured: up to ten seconds each on a busy machine.
  test.setTimeout(90_000);
  const exchange = await setUp(page, harness.url);

  await exchange.getByRole('button', { name: 'Sync clock' }).click();
  await expect(exchange.getByLabel('Clock offset')).toHaveText(/^Clock offset -?\d+ ms/);

  // Password first; the exchange asks for a code; the current one, computed here, logs in.
  const login = exchange.getByRole('form', { name: 'Log in' });
  await expect(login.getByLabel('Email')).toHaveValue(TRADER.email);
  await expect(login.getByLabel('2FA code')).toHaveCount(0);
  await login.getByLabel('Password').fill(TRADER.password);
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(login.getByLabel('2FA code')).toBeFocused();
  await login.getByLabel('2FA code').fill(totpCode(TRADER.totpSecret, Date.now()));
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText(/^Logged in as trader@sandbox\.test \(uid \S+, level \d+, 2FA on\)\.$/);
  // The accounts list says so on the account's row.
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').filter({ hasText: 'Sandbox' })).toContainText('Logged in');

  await exchange.getByRole('button', { name: 'Check session (load balances)' }).click();
  const balances = exchange.getByRole('table', { name: 'Balances' });
  await expect(balances.getByRole('row')).not.toHaveCount(0);
  expect(await balances.getByRole('row').count()).toBeGreaterThan(1);
  // Amounts right-aligned and grouped, every digit kept: the seeded 2.6 BTC reads as sent.
  await expect(balances.getByRole('row', { name: /^BTC/ }).getByRole('cell').nth(1)).toHaveText('2.6');
  await expect(balances.getByRole('row', { name: /^USD/ }).getByRole('cell').nth(1)).toHaveText(/^\d{1,3}(,\d{3})+\.\d+$/);
  await expect(balances.getByRole('cell').nth(1)).toHaveCSS('text-align', 'right');
  await balances.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'balances');
  await exchange.scrollIntoViewIfNeeded();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'exchange-logged-in');

  // The keys on the exchange: the trader's seeded ones are not in the vault.
  await exchange.getByRole('button', { name: 'List keys on the exchange' }).click();
  const remote = exchange.getByRole('table', { name: 'Keys on the exchange' });
  const seeded = sandbox().apiKeys.filter((key) => key.email === TRADER.email);
  expect(seeded.length).toBeGreaterThan(0);
  for (const key of seeded) await expect(remote.getByRole('row', { name: new RegExp(key.kid) })).toContainText('secret unknown, created elsewhere');

  // Create a key: the exchange wants a fresh code; the next period's (login used the current one).
  const create = exchange.getByRole('form', { name: 'Create key' });
  await create.getByLabel('Label').fill('made in e2e');
  await create.getByLabel('Scopes (comma separated)').fill('read');
  await create.getByRole('button', { name: 'Create key' }).click();
  const codeForm = exchange.getByRole('form', { name: 'Key change code' });
  await expect(codeForm.getByLabel('2FA code')).toBeFocused();
  // The code is asked where the key was asked for: under the create form, not under the list above it.
  expect(await comesAfter(codeForm, create)).toBe(true);
  await expectNoSeriousAxeViolations(page);
  await codeForm.getByLabel('2FA code').fill(totpCode(TRADER.totpSecret, Date.now() + 30_000));
  await codeForm.getByRole('button', { name: 'Send the code' }).click();
  const note = exchange.getByText(/^Key \S+ created\.$/);
  await expect(note).toBeVisible();
  const kid = /^Key (\S+) created\.$/.exec(await note.innerText())?.[1] ?? '';
  expect(kid).not.toBe('');
  expect(await comesAfter(note, create)).toBe(true);
  await expect(note).toBeFocused();
  // The form starts afresh for the next key: its label is not offered again.
  await expect(create.getByLabel('Label')).toHaveValue('');
  await expect(create.getByLabel('Scopes (comma separated)')).toHaveValue('');
  await expect(codeForm).toHaveCount(0);

  // In sync on the exchange (and in the vault's key list, on the Keys tab: checked after the logout).
  const row = remote.getByRole('row', { name: new RegExp(kid) });
  await expect(row).toContainText('In vault and in sync (active)');

  await row.getByRole('button', { name: `Test key ${kid}` }).click();
  await expect(row.getByRole('status')).toHaveText(/^Works: \d+ balances? read in \d+ ms\.$/);

  // Another tab and back: the balances and the exchange's list are where they were, each with its time.
  await openAccountTab(page, 'Keys');
  await openAccountTab(page, 'Exchange');
  await expect(balances.getByRole('row', { name: /^BTC/ }).getByRole('cell').nth(1)).toHaveText('2.6');
  await expect(balances.getByText(/^read at .+/)).toBeVisible();
  await expect(row).toContainText('In vault and in sync (active)');
  await expect(exchange.getByText(/^Listed at .+/)).toBeVisible();

  await exchange.getByRole('button', { name: 'Log out' }).click();
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText('Logged out.');
  await expect(exchange.getByRole('form', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').filter({ hasText: 'Sandbox' })).not.toContainText('Logged in');
  await expect(balances).toHaveCount(0);
  await openAccountTab(page, 'Keys');
  await expect(page.getByRole('table', { name: 'Keys', exact: true }).getByRole('row', { name: new RegExp(kid) })).toContainText('made in e2e');
  // Logged out, nothing the session read comes back with the tab.
  await openAccountTab(page, 'Exchange');
  await expect(exchange.getByRole('form', { name: 'Log in' })).toBeVisible();
  await expect(balances).toHaveCount(0);
  await openAccountTab(page, 'Keys');

  await page.getByRole('heading', { level: 2, name: 'Sandbox' }).scrollIntoViewIfNeeded();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'account-detail');
  await expect(page.getByRole('list', { name: 'Accounts' })).toContainText('Sandbox');
  await expect(page.getByRole('list', { name: 'Accounts' })).toContainText('1 key');
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'accounts');
});

test("a wrong password is explained in the catalogue's words", async ({ page, harness }) => {
  const exchange = await setUp(page, harness.url);
  const login = exchange.getByRole('form', { name: 'Log in' });
  await login.getByLabel('Password').fill('not-the-password');
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(login.getByRole('alert')).toHaveText('The email or the password is wrong. Check both and try again.');
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText('Logged out.');
});
