import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { PASSPHRASE, addSandboxAccount, createKeychainOnlyVaultInPage, createVaultInPage, importKeyInPage } from './ui-steps';

const KID = randomBytes(8).toString('hex');
const SECRET = randomBytes(16).toString('hex');
const WRONG_PASSPHRASE = 'not the passphrase at all';

const revealButton = (page: Page) => page.getByRole('button', { name: `Reveal the secret of ${KID}` });
const revealForm = (page: Page) => page.getByRole('form', { name: 'Reveal secret' });
const revealed = (page: Page) => page.getByLabel('Revealed secret');

async function openRevealWithPassphrase(page: Page, passphrase: string) {
  await revealButton(page).click();
  await expect(revealForm(page).getByLabel('Vault passphrase')).toBeFocused();
  await revealForm(page).getByLabel('Vault passphrase').fill(passphrase);
  await revealForm(page).getByRole('button', { name: 'Reveal', exact: true }).click();
}

test.describe('with a passphrase', () => {
  test.beforeEach(async ({ page, harness }) => {
    await createVaultInPage(page, harness.url);
    await addSandboxAccount(page, 'https://reveal.example');
    await importKeyInPage(page, KID, SECRET);
    // Imported, and not in the page: the secret field was emptied at submit.
    expect(await page.content()).not.toContain(SECRET);
  });

  test('shows the secret behind the passphrase, counts down, and takes it out of the page', async ({ page }) => {
    // Ten seconds on screen, waited out.
    test.slow();
    await openRevealWithPassphrase(page, PASSPHRASE);
    await expect(revealed(page)).toHaveText(SECRET);
    await expect(page.getByText(/^Hidden in (10|9) s\.$/)).toBeVisible();
    await expect(revealForm(page).getByLabel('Vault passphrase')).toHaveCount(0);
    await saveScreenshot(page, 'reveal');
    await expectNoSeriousAxeViolations(page);

    await expect(page.getByText(/^Hidden in [1-8] s\.$/)).toBeVisible({ timeout: 3000 });
    await expect(revealed(page)).toHaveCount(0, { timeout: 11_000 });
    expect(await page.content()).not.toContain(SECRET);
  });

  test('says so in place for a wrong passphrase and while throttled; Hide and Lock remove the secret', async ({ page }) => {
    await openRevealWithPassphrase(page, WRONG_PASSPHRASE);
    await expect(revealForm(page).getByRole('alert')).toHaveText(/^Wrong passphrase\./);
    await expect(revealForm(page).getByLabel('Vault passphrase')).toHaveValue('');
    await expect(revealed(page)).toHaveCount(0);

    // Two free tries, then the vault makes the next one wait.
    for (let attempt = 0; attempt < 2; attempt++) {
      await revealForm(page).getByLabel('Vault passphrase').fill(WRONG_PASSPHRASE);
      await revealForm(page).getByRole('button', { name: 'Reveal', exact: true }).click();
    }
    await expect(revealForm(page).getByRole('alert')).toHaveText(/^Too many wrong passphrases\. Wait \d+ seconds/);
    await expect(async () => {
      await revealForm(page).getByLabel('Vault passphrase').fill(PASSPHRASE);
      await revealForm(page).getByRole('button', { name: 'Reveal', exact: true }).click();
      await expect(revealed(page)).toHaveText(SECRET, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Hide' }).click();
    await expect(revealed(page)).toHaveCount(0);
    expect(await page.content()).not.toContain(SECRET);

    await openRevealWithPassphrase(page, PASSPHRASE);
    await expect(revealed(page)).toHaveText(SECRET);
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
    expect(await page.content()).not.toContain(SECRET);
  });
});

test.describe('with the keychain only', () => {
  test.use({ keychainBackend: 'gnome_libsecret' });

  test("waits for main's dialog: refused, nothing is shown; confirmed, the secret is", async ({ page, harness }) => {
    await createKeychainOnlyVaultInPage(page, harness.url);
    await addSandboxAccount(page, 'https://reveal.example');
    await importKeyInPage(page, KID, SECRET);

    await revealButton(page).click();
    await expect(revealForm(page).getByLabel('Vault passphrase')).toHaveCount(0);
    await expect(revealForm(page)).toContainText('Barong Vault will ask you to confirm in a system dialog.');
    await revealForm(page).getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(revealForm(page).getByRole('alert')).toHaveText("Not confirmed in Barong Vault's dialog: nothing was changed.");
    await expect(revealed(page)).toHaveCount(0);
    expect(harness.ownerPrompt.asked).toEqual([`Show the secret of key ${KID} of "Sandbox"`]);

    harness.ownerPrompt.answer = 'allow';
    await revealForm(page).getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(revealed(page)).toHaveText(SECRET);
    expect(harness.ownerPrompt.asked).toHaveLength(2);
    await page.getByRole('button', { name: 'Hide' }).click();
    expect(await page.content()).not.toContain(SECRET);
  });
});
