import { expect, test } from '../harness/fixtures';

test.describe('with a secure keychain', () => {
  test.use({ keychainBackend: 'gnome_libsecret' });

  test('keychain-only is offered, creates the vault, and unlocks it without a passphrase', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByLabel("This computer's keychain").check();
    await expect(page.getByLabel('Passphrase', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();

    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByLabel('Passphrase')).toHaveCount(0);
    await page.getByRole('button', { name: "Unlock with this computer's keychain" }).click();
    await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();
  });
});

test.describe('with a basic_text keychain', () => {
  test.use({ keychainBackend: 'basic_text' });

  test('only the passphrase is offered, and the page says why', async ({ page, harness }) => {
    await page.goto(harness.url);
    await expect(page.getByRole('radio')).toHaveCount(1);
    await expect(page.getByRole('radio', { name: 'A passphrase' })).toBeChecked();
    await expect(page.getByLabel("This computer's keychain")).toHaveCount(0);
    await expect(page.getByText(/basic_text\) keeps keys in plain text/)).toBeVisible();
  });
});
