import { expect, test } from '../harness/fixtures';

const PASSPHRASE = 'correct horse battery staple';

test('first run, lock and unlock with Tab, typing and Enter only', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  // Tab enters the radio group at its checked choice, then moves on to the fields.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'A passphrase' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passphrase again')).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();

  // The top bar: the three views, the palette, then Lock.
  for (const stop of ['Accounts', 'Audit log', 'Settings', 'Find an account or key']) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: stop })).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Lock' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();

  // The passphrase field takes the focus on its own: unlocking is typing and Enter.
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();
});
