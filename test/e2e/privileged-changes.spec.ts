import type { Page } from '@playwright/test';
import type { Harness } from '../harness/fixtures';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { addSandboxAccount, createKeychainOnlyVaultInPage, createVaultInPage, openAccountTab, PASSPHRASE } from './ui-steps';

const OLD_URL = 'https://old.example';
const NEW_URL = 'https://attacker.example:8443';

async function storedAccount(harness: Harness) {
  const accounts = await harness.backend.channels['accounts.list'](undefined);
  if (!accounts.ok || !accounts.value[0]) throw new Error('The account is not in the vault.');
  return accounts.value[0];
}

async function storedSettings(harness: Harness) {
  const result = await harness.backend.channels['settings.get'](undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
}

/** Opens the account's edit form and types a new base URL; answers the form. */
async function editBaseUrl(page: Page, baseUrl: string) {
  await openAccountTab(page, 'Details');
  await page.getByRole('button', { name: 'Edit account' }).click();
  const form = page.getByRole('form', { name: 'Save account' });
  await form.getByLabel('Base URL').fill(baseUrl);
  return form;
}

test('a new base URL names both hosts and takes the vault passphrase; a wrong one leaves the old URL', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await addSandboxAccount(page, OLD_URL);
  const form = await editBaseUrl(page, NEW_URL);
  const redirect = form.getByRole('group', { name: 'Requests, signatures and 2FA codes will go to attacker.example:8443 instead of old.example.' });
  await expect(redirect).toBeVisible();
  await expect(redirect.getByLabel('Vault passphrase')).toHaveAttribute('type', 'password');
  await expectNoSeriousAxeViolations(page);

  // Without the passphrase, and with a wrong one: refused, the account still points where it did.
  await form.getByRole('button', { name: 'Save account' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    /^Enter the vault passphrase to confirm: send the signed requests and 2FA codes of "Sandbox" to attacker\.example:8443 instead of old\.example/,
  );
  await redirect.getByLabel('Vault passphrase').fill('not the passphrase');
  await form.getByRole('button', { name: 'Save account' }).click();
  await expect(form.getByRole('alert')).toHaveText(/^Wrong passphrase/);
  await expect(redirect.getByLabel('Vault passphrase')).toHaveValue('');
  await form.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await saveScreenshot(page, 'origin-change');
  expect((await storedAccount(harness)).baseUrl).toBe(OLD_URL);

  await redirect.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Save account' }).click();
  await expect(form).toHaveCount(0);
  expect((await storedAccount(harness)).baseUrl).toBe(NEW_URL);
  expect(await page.content()).not.toContain(PASSPHRASE);
});

test('an edit that keeps the base URL asks nothing', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await addSandboxAccount(page, OLD_URL);
  const form = await editBaseUrl(page, OLD_URL);
  await form.getByLabel('Name').fill('Renamed');
  await expect(form.getByLabel('Vault passphrase')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save account' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Renamed' })).toBeVisible();
});

test('turning auto-lock off says it lowers protection and takes the vault passphrase', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await openSettings(page);
  const timings = page.getByRole('form', { name: 'Locking and clipboard' });
  await timings.getByLabel('Lock after idle minutes').fill('0');
  const lowering = timings.getByRole('group', { name: 'Turning auto-lock off lowers protection.' });
  await expect(lowering).toBeVisible();

  await timings.getByRole('button', { name: 'Save' }).click();
  await expect(lowering.getByRole('alert')).toHaveText(/^Enter the vault passphrase to confirm: turn auto-lock off/);
  await lowering.getByLabel('Vault passphrase').fill('not the passphrase');
  await timings.getByRole('button', { name: 'Save' }).click();
  await expect(lowering.getByRole('alert')).toHaveText(/^Wrong passphrase/);
  expect((await storedSettings(harness)).autoLockMinutes).toBe(10);

  await lowering.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await timings.getByRole('button', { name: 'Save' }).click();
  await expect(timings.getByRole('status')).toHaveText('Saved.');
  await expect(lowering).toHaveCount(0);
  expect((await storedSettings(harness)).autoLockMinutes).toBe(0);

  // A shorter time protects more: nothing to confirm.
  await timings.getByLabel('Lock after idle minutes').fill('5');
  await expect(timings.getByLabel('Vault passphrase')).toHaveCount(0);
  await timings.getByRole('button', { name: 'Save' }).click();
  await expect(timings.getByRole('status')).toHaveText('Saved.');
  expect((await storedSettings(harness)).autoLockMinutes).toBe(5);
});

test.describe('on a keychain-only vault', () => {
  test.use({ keychainBackend: 'gnome_libsecret' });

  test("a lowering waits for main's dialog: refused, nothing changes; confirmed, it is saved", async ({ page, harness }) => {
    await createKeychainOnlyVaultInPage(page, harness.url);
    await openSettings(page);
    const timings = page.getByRole('form', { name: 'Locking and clipboard' });
    await timings.getByLabel('Clear a copied secret after seconds').fill('0');
    const lowering = timings.getByRole('group', { name: 'Turning clipboard clearing off lowers protection.' });
    await expect(lowering).toContainText('Barong Vault will ask you to confirm in a system dialog.');
    await expect(lowering.getByLabel('Vault passphrase')).toHaveCount(0);

    await timings.getByRole('button', { name: 'Save' }).click();
    await expect(lowering.getByRole('alert')).toHaveText("Not confirmed in Barong Vault's dialog: nothing was changed.");
    expect(harness.ownerPrompt.asked).toEqual(['Stop clearing copied secrets from the clipboard (a signed command still goes when it expires)']);
    expect((await storedSettings(harness)).clipboardClearSeconds).toBe(20);

    harness.ownerPrompt.answer = 'allow';
    await timings.getByRole('button', { name: 'Save' }).click();
    await expect(timings.getByRole('status')).toHaveText('Saved.');
    expect((await storedSettings(harness)).clipboardClearSeconds).toBe(0);
    expect(harness.ownerPrompt.asked).toHaveLength(2);
  });

  test("a new base URL is confirmed in main's dialog, which names both hosts", async ({ page, harness }) => {
    await createKeychainOnlyVaultInPage(page, harness.url);
    await addSandboxAccount(page, OLD_URL);
    const form = await editBaseUrl(page, NEW_URL);
    await expect(form).toContainText('Barong Vault will ask you to confirm in a system dialog.');
    await form.getByRole('button', { name: 'Save account' }).click();
    await expect(form.getByRole('alert')).toHaveText("Not confirmed in Barong Vault's dialog: nothing was changed.");
    expect(harness.ownerPrompt.asked).toEqual(['Send the signed requests and 2FA codes of "Sandbox" to attacker.example:8443 instead of old.example']);
    expect((await storedAccount(harness)).baseUrl).toBe(OLD_URL);

    harness.ownerPrompt.answer = 'allow';
    await form.getByRole('button', { name: 'Save account' }).click();
    await expect(form).toHaveCount(0);
    expect((await storedAccount(harness)).baseUrl).toBe(NEW_URL);
  });
});
