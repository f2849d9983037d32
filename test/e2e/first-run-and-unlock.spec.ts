import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';

const PASSPHRASE = 'correct horse battery staple';

test('first run creates a passphrase vault; lock, a wrong passphrase and the right one', async ({ page, harness }) => {
  // axe audits take a few seconds each on a busy machine.
  test.setTimeout(40_000);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'first-run');

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create the vault' }).click();

  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();
  await expect(page.getByText('No accounts yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'unlock');

  await page.getByLabel('Passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Wrong passphrase/);
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();
});

test('the two passphrases must match before anything is created', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
  await page.getByRole('button', { name: 'Create the vault' }).click();

  await expect(page.getByRole('alert')).toHaveText(/differ/);
  expect(await harness.backend.channels['vault.status'](undefined)).toMatchObject({ ok: true, value: { setUp: false } });
});

test('wrong passphrases in a row are throttled, and the wait is given in seconds', async ({ page, harness }) => {
  await harness.backend.channels['vault.create']({ passphrase: PASSPHRASE, keychain: false });
  await harness.backend.channels['vault.lock'](undefined);
  await page.goto(harness.url);

  const alert = page.getByRole('alert');
  for (const attempt of [1, 2]) {
    await page.getByLabel('Passphrase').fill(`wrong ${attempt}`);
    // An error line takes no room (and says nothing) until there is something to say.
    await expect(alert).toHaveCount(0);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(alert).toHaveText(/Wrong passphrase/);
  }
  // The first wait is 1 s, which a loaded machine can spend between two clicks. Two more wrong
  // tries, each after its wait, make the next wait 4 s: long enough for the page to meet it.
  for (const attempt of [3, 4]) {
    const waitMs = 1000 * 2 ** (attempt - 3);
    await new Promise((resolve) => setTimeout(resolve, waitMs + 100));
    expect(await harness.backend.channels['vault.unlock']({ passphrase: `wrong ${attempt}` })).toMatchObject({
      ok: false,
      error: { code: 'vault.wrong_passphrase' },
    });
  }
  await page.getByLabel('Passphrase').fill('wrong 5');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(alert).toHaveText(/Wait [1-4] seconds?/);
});

test('a lock from main (auto-lock, suspend) takes the page back to the unlock screen', async ({ page, harness }) => {
  await harness.backend.channels['vault.create']({ passphrase: PASSPHRASE, keychain: false });
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();

  await harness.backend.channels['vault.lock'](undefined);
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
});
