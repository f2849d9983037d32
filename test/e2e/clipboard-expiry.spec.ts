import type { Page } from '@playwright/test';
import type { Api } from '../../app/contract/api';
import type { Harness } from '../harness/fixtures';
import { expect, test } from '../harness/fixtures';
import { seededSandboxForEachTest } from './seeded-sandbox';
import { copyStatus, PASSPHRASE, signerOnSandbox } from './ui-steps';

const STALE = 'Stale: the exchange would refuse this command now.';

const sandbox = seededSandboxForEachTest();
// A vault, an account and a key through the UI, then a wait for the expiry: over 10 s on a busy machine.
test.describe.configure({ timeout: 40_000 });

/** Copies a curl command and checks the clipboard holds it at once, then is emptied once the command has expired. */
async function copyAndSeeItCleared(page: Page, harness: Harness) {
  const signer = page.getByRole('form', { name: 'Signer' });
  await signer.getByLabel('Format').selectOption('curl');
  await signer.getByRole('button', { name: 'Copy', exact: true }).click();
  // The account's nonce lifetime is 1 s: that, not the setting, is when the copy goes.
  await expect(copyStatus(page)).toHaveText('Copied; clears from the clipboard in 1 s.');
  const copied = harness.clipboard.state.text;
  expect(copied).toContain('X-Auth-Signature');
  expect(copied.trim()).toBe((await page.getByLabel('Signed command').innerText()).trim());

  await expect.poll(() => harness.clipboard.state.text, { timeout: 5000 }).toBe('');
  await expect(page.getByLabel('Validity')).toHaveText(STALE);
}

test('a copied signed command leaves the clipboard when it expires, well before the 20 s delay', async ({ page, harness }) => {
  await signerOnSandbox(page, harness.url, sandbox());
  await copyAndSeeItCleared(page, harness);
});

test('with clearing set to 0, a signed command still leaves the clipboard when it expires, and Settings say so', async ({ page, harness }) => {
  await signerOnSandbox(page, harness.url, sandbox());
  // Through the page's window.api, the door the Settings view uses; 0 lowers protection, so the owner proves it.
  const updated = await page.evaluate(
    (ownerPassphrase) => (globalThis as unknown as { api: Api }).api.settings.update({ clipboardClearSeconds: 0, ownerPassphrase }),
    PASSPHRASE,
  );
  expect(updated).toMatchObject({ ok: true, value: { clipboardClearSeconds: 0 } });
  await copyAndSeeItCleared(page, harness);

  // The setting's field says what 0 means now.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  const seconds = page.getByRole('form', { name: 'Locking and clipboard' }).getByLabel('Clear a copied secret after seconds');
  await expect(seconds).toHaveAccessibleDescription(/A signed command goes sooner, when it expires, even at 0/);
});
