import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { createVaultInPage, openAccountTab, PASSPHRASE } from './ui-steps';

const KID = '0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210';

const accountRow = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Accounts' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name, exact: true }) });

test('add through the Sandbox preset, import a key, edit, search, remove with confirmation', async ({ page, harness }) => {
  // Two axe scans, and the whole life of an account.
  test.setTimeout(60_000);
  await createVaultInPage(page, harness.url);
  await expect(page.getByText('No accounts yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start in three steps' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'first-steps');

  // Add through the preset; Enter submits the form.
  await page.getByRole('button', { name: 'Add account' }).click();
  const addForm = page.getByRole('form', { name: 'Add account' });
  await addForm.getByText('Developer: the local sandbox').click();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'add-account');
  await addForm.getByLabel('Sandbox port').fill('4000');
  await addForm.getByRole('button', { name: 'Sandbox', exact: true }).click();
  await expect(addForm.getByLabel('Name')).toHaveValue('Sandbox');
  await expect(addForm.getByLabel('Base URL')).toHaveValue('http://127.0.0.1:4000');
  await expect(addForm.getByLabel('Nonce lifetime (ms)')).toHaveValue('5000');
  await addForm.getByLabel('Name').press('Enter');
  await expect(accountRow(page, 'Sandbox')).toContainText('127.0.0.1:4000 · 0 keys');

  // Import a key: the Sign tab says how to get one; listed, counted, and its secret gone from the page.
  await accountRow(page, 'Sandbox').getByRole('button', { name: 'Sandbox' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sandbox' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Sign' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'No keys for Sandbox yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Import a key' }).click();
  await expect(page.getByRole('tab', { name: 'Keys' })).toHaveAttribute('aria-selected', 'true');
  const importForm = page.getByRole('form', { name: 'Import key' });
  await importForm.getByLabel('Key id (kid)').fill(KID);
  await expect(importForm.getByLabel('Secret')).toHaveAttribute('type', 'password');
  await importForm.getByLabel('Secret').fill(SECRET);
  await importForm.getByLabel('Label (optional)').fill('trading bot');
  await importForm.getByLabel('Label (optional)').press('Enter');
  await expect(importForm.getByRole('status')).toContainText(`Key ${KID} imported.`);
  const row = page.getByRole('table', { name: 'Keys' }).getByRole('row').filter({ hasText: KID });
  await expect(row).toContainText('trading bot');
  await expect(row).toContainText('imported');
  await expect(importForm.getByLabel('Secret')).toHaveValue('');
  expect(await page.content()).not.toContain(SECRET);
  expect(await page.locator('body').innerText()).not.toContain(SECRET);

  await expect(accountRow(page, 'Sandbox')).toContainText('1 key');

  // Edit the name, on the Details tab.
  await openAccountTab(page, 'Details');
  await page.getByRole('button', { name: 'Edit account' }).click();
  const editForm = page.getByRole('form', { name: 'Save account' });
  await expect(editForm.getByLabel('Base URL')).toHaveValue('http://127.0.0.1:4000');
  await editForm.getByLabel('Name').fill('Sandbox renamed');
  await editForm.getByRole('button', { name: 'Save account' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sandbox renamed' })).toBeVisible();

  // A second account, then the list's filter: by name and by kid.
  await page.getByRole('button', { name: 'Add account' }).click();
  await addForm.getByLabel('Name').fill('Main exchange');
  await addForm.getByLabel('Base URL').fill('https://main.example');
  await addForm.getByRole('button', { name: 'Add account' }).click();
  await expect(accountRow(page, 'Main exchange')).toContainText('0 keys');

  const searchBox = page.getByLabel('Search accounts and keys');
  await searchBox.fill('renamed');
  await expect(accountRow(page, 'Sandbox renamed')).toBeVisible();
  await expect(accountRow(page, 'Main exchange')).toHaveCount(0);
  await searchBox.fill(KID.slice(0, 8));
  await expect(accountRow(page, 'Sandbox renamed')).toBeVisible();
  await expect(accountRow(page, 'Main exchange')).toHaveCount(0);
  await searchBox.fill('no such thing');
  await expect(page.getByText('No account matches “no such thing”.')).toBeVisible();
  await searchBox.fill('');
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);

  // Remove: cancel, Escape, then confirm.
  await accountRow(page, 'Sandbox renamed').getByRole('button', { name: 'Sandbox renamed' }).click();
  await openAccountTab(page, 'Details');
  await page.getByRole('button', { name: 'Remove account' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Remove Sandbox renamed and the 1 key that go with it');
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Keep the account' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Keep the account' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await harness.backend.channels['accounts.list'](undefined)).toMatchObject({ ok: true, value: { length: 2 } });
  await page.getByRole('button', { name: 'Remove account' }).click();
  await dialog.getByRole('button', { name: 'Yes, remove Sandbox renamed' }).click();
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible();
  await expect(accountRow(page, 'Sandbox renamed')).toHaveCount(0);

  await accountRow(page, 'Main exchange').getByRole('button', { name: 'Main exchange' }).click();
  await openAccountTab(page, 'Details');
  await page.getByRole('button', { name: 'Remove account' }).click();
  await expect(dialog).toContainText('the 0 keys');
  await dialog.getByRole('button', { name: 'Yes, remove Main exchange' }).click();
  await expect(page.getByText('No accounts yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start in three steps' })).toBeVisible();
  expect(await harness.backend.channels['accounts.list'](undefined)).toEqual({ ok: true, value: [] });
});

test("an http:// exchange URL shows the backend's message and creates nothing", async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await page.getByRole('button', { name: 'Add account' }).click();
  const addForm = page.getByRole('form', { name: 'Add account' });
  await addForm.getByLabel('Name').fill('Example');
  await addForm.getByLabel('Base URL').fill('http://exchange.example');
  await addForm.getByRole('button', { name: 'Add account' }).click();

  const created = await harness.backend.channels['accounts.create']({ name: 'Example', baseUrl: 'http://exchange.example' });
  if (created.ok) throw new Error('The backend accepted an http:// URL.');
  await expect(addForm.getByRole('alert')).toHaveText(created.error.message);
  await expect(addForm.getByRole('alert')).toContainText('https://');
  expect(await harness.backend.channels['accounts.list'](undefined)).toEqual({ ok: true, value: [] });
  await expect(page.getByText('No accounts yet.')).toBeVisible();
});

test('a duplicate kid is refused in words; unusual key shapes give warnings', async ({ page, harness }) => {
  await harness.backend.channels['vault.create']({ passphrase: PASSPHRASE, keychain: false });
  await harness.backend.channels['accounts.create']({ name: 'Sandbox', baseUrl: 'http://127.0.0.1:4000' });
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
  await openAccountTab(page, 'Keys');

  const importForm = page.getByRole('form', { name: 'Import key' });
  const importKey = async (kid: string, secret: string) => {
    await importForm.getByLabel('Key id (kid)').fill(kid);
    await importForm.getByLabel('Secret').fill(secret);
    await importForm.getByRole('button', { name: 'Import key' }).click();
  };

  await importKey('legacy-key', 'short-secret');
  await expect(importForm.getByRole('status')).toContainText('The key id is not 16 hex characters');
  await expect(importForm.getByRole('status')).toContainText('The secret is not 32 hex characters');

  await importKey('legacy-key', 'another-secret');
  await expect(importForm.getByRole('alert')).toHaveText('This account already has a key with the id legacy-key.');
  await expect(importForm.getByLabel('Secret')).toHaveValue('');
  await expect(page.getByRole('table', { name: 'Keys' }).getByRole('row')).toHaveCount(2);
  expect(await page.content()).not.toContain('another-secret');
});

test('add and open an account with the keyboard only', async ({ page, harness }) => {
  await harness.backend.channels['vault.create']({ passphrase: PASSPHRASE, keychain: false });
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();

  // The top bar first: the views, the palette, Lock; then the accounts pane.
  const views = page.getByRole('navigation', { name: 'Views' });
  for (const view of ['Accounts', 'Audit log', 'Settings']) {
    await page.keyboard.press('Tab');
    await expect(views.getByRole('button', { name: view })).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Find an account or key' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Lock' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Keyboard exchange');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Base URL')).toBeFocused();
  await page.keyboard.type('https://keyboard.example');
  await page.keyboard.press('Enter');
  await expect(accountRow(page, 'Keyboard exchange')).toContainText('0 keys');

  // The form closes and gives the focus back to Add account; the filter, then the new account, follow it.
  await expect(page.getByRole('button', { name: 'Add account' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search accounts and keys')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Keyboard exchange' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Keyboard exchange' })).toBeVisible();

  // The tabs: one stop, arrows move between them.
  await page.getByRole('tab', { name: 'Sign' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Keys' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Keys' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');

  // Ctrl+, opens the settings; Ctrl+K opens the palette over them, and Enter there comes back to the account.
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect(views.getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Account, key label or kid' })).toBeFocused();
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Keyboard exchange' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Sign' })).toHaveAttribute('aria-selected', 'true');
});
