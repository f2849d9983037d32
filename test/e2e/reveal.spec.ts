import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { PASSPHRASE, addSandboxAccount, createKeychainOnlyVaultInPage, createVaultInPage, importKeyInPage } from './ui-steps';

const KID = randomBytes(8).toString('hex');
const SECRET = randomBytes(16).toString('hex');
const WRONG_PASSPHRASE = 'not the passphrase at all';

/** How the row's buttons name a key without a label. */
const KEY_NAME = `key ${KID.slice(0, 8)}…`;
const keysTable = (page: Page) => page.getByRole('table', { name: 'Keys', exact: true });
// The reveal opens at the key's row, in the table.
const revealForm = (page: Page) => keysTable(page).getByRole('form', { name: 'Reveal secret' });
const revealed = (page: Page) => page.getByLabel('Revealed secret');

/** Reveal is in the row's menu of less used actions. */
async function openReveal(page: Page) {
  await keysTable(page)
    .getByRole('button', { name: `More actions for ${KEY_NAME}` })
    .click();
  await keysTable(page)
    .getByRole('button', { name: `Reveal the secret of ${KEY_NAME}` })
    .click();
}

async function openRevealWithPassphrase(page: Page, passphrase: string) {
  await openReveal(page);
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
    // It counts down (checked before the slow screenshot and scan, which take seconds on a busy machine).
    await expect(page.getByText(/^Hidden in [1-8] s\.$/)).toBeVisible({ timeout: 3000 });
    await saveScreenshot(page, 'reveal');
    await expectNoSeriousAxeViolations(page);

    await expect(revealed(page)).toHaveCount(0, { timeout: 11_000 });
    expect(await page.content()).not.toContain(SECRET);
  });

  test('Copy secret: main puts the secret on the clipboard, marked secret and cleared like one; the page never holds it', async ({ page, harness }) => {
    await openReveal(page);
    const form = revealForm(page);
    // Without the proof, nothing is copied.
    await form.getByRole('button', { name: 'Copy secret' }).click();
    await expect(form.getByRole('alert')).toHaveText(/passphrase/i);
    expect(harness.clipboard.state.text).toBe('');

    await form.getByLabel('Vault passphrase').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Copy secret' }).click();
    await expect(form.getByRole('status')).toHaveText('Secret copied; clears from the clipboard in 20 s.');
    expect(harness.clipboard.state).toEqual({ text: SECRET, secret: true });
    await expect(form.getByLabel('Vault passphrase')).toHaveValue('');
    await expect(revealed(page)).toHaveCount(0);
    expect(await page.content()).not.toContain(SECRET);
    const audit = await harness.backend.channels['audit.list']({ limit: 1 });
    expect(audit.ok && audit.value[0]?.action).toBe('reveal-secret');

    await form.getByRole('button', { name: 'Close' }).click();
    await expect(form).toHaveCount(0);
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
    // Hidden, the focus goes back to the row's menu, where Reveal was.
    await expect(keysTable(page).getByRole('button', { name: `More actions for ${KEY_NAME}` })).toBeFocused();

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

    await openReveal(page);
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

    // Copy secret asks in the same dialog, in words that say where the secret goes.
    await openReveal(page);
    await revealForm(page).getByRole('button', { name: 'Copy secret' }).click();
    await expect(revealForm(page).getByRole('status')).toHaveText('Secret copied; clears from the clipboard in 20 s.');
    expect(harness.ownerPrompt.asked.at(-1)).toBe(`Copy the secret of key ${KID} of "Sandbox" to the clipboard`);
    expect(harness.clipboard.state).toEqual({ text: SECRET, secret: true });
    expect(await page.content()).not.toContain(SECRET);
  });
});
