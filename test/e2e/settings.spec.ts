import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { startSandbox } from '../../sandbox/start-sandbox';
import type { Harness } from '../harness/fixtures';
import { expect, test } from '../harness/fixtures';
import { DELIVER_EVENT } from '../harness/page-bridge-names';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { TRADER } from './seeded-sandbox';
import { addSandboxAccount, createVaultInPage, openAccountTab, PASSPHRASE } from './ui-steps';

const KID = '0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210';
const BACKUP_PASSPHRASE = 'backup passphrase 42';

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
}

async function storedSettings(harness: Harness) {
  const result = await harness.backend.channels['settings.get'](undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** An account with one key, made through the backend: these tests are about the settings screen. */
async function accountWithKey(harness: Harness, name = 'Main exchange') {
  const account = await harness.backend.channels['accounts.create']({ name, baseUrl: 'https://main.example' });
  if (!account.ok) throw new Error(account.error.message);
  const key = await harness.backend.channels['keys.import']({ accountId: account.value.id, kid: KID, secret: SECRET });
  if (!key.ok) throw new Error(key.error.message);
  return account.value.id;
}

test('auto-lock and clipboard timings are saved; an out-of-range value is refused beside its field', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await openSettings(page);
  const timings = page.getByRole('form', { name: 'Locking and clipboard' });
  const minutes = timings.getByLabel('Lock after idle minutes');
  const seconds = timings.getByLabel('Clear a copied secret after seconds');
  await expect(minutes).toHaveValue('10');
  await expect(seconds).toHaveValue('20');

  await minutes.fill('5');
  await seconds.fill('45');
  await expect(timings.getByRole('group', { name: 'Clearing a copied secret after 45 s instead of 20 s lowers protection.' })).toBeVisible();
  await timings.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await timings.getByRole('button', { name: 'Save' }).click();
  await expect(timings.getByRole('status')).toHaveText('Saved.');
  expect(await storedSettings(harness)).toMatchObject({ autoLockMinutes: 5, clipboardClearSeconds: 45 });

  // The vault's bounds, in its words, under the field it refused; the other field still saves.
  await minutes.fill('2000');
  await seconds.fill('30');
  await timings.getByRole('button', { name: 'Save' }).click();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await expect(minutes).toHaveAccessibleDescription(/Choose 0 to 1440 minutes \(a day\); 0 turns auto-lock off\./);
  await expect(timings.getByRole('status')).toHaveText('');
  await expect(seconds).not.toHaveAttribute('aria-invalid');
  expect(await storedSettings(harness)).toMatchObject({ autoLockMinutes: 5, clipboardClearSeconds: 30 });

  // A field left empty is caught before anything is sent; a longer auto-lock asks the owner.
  await seconds.fill('');
  await minutes.fill('15');
  await expect(timings.getByRole('group', { name: 'Locking after 15 idle minutes instead of 5 lowers protection.' })).toBeVisible();
  await timings.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await timings.getByRole('button', { name: 'Save' }).click();
  await expect(seconds).toHaveAccessibleDescription(/Type a whole number of seconds, such as 20\./);
  await expect(minutes).not.toHaveAttribute('aria-invalid');
  expect(await storedSettings(harness)).toMatchObject({ autoLockMinutes: 15, clipboardClearSeconds: 30 });
});

test('the settings screen in the light theme passes axe', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await accountWithKey(harness);
  await openSettings(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'system');

  await page.getByRole('group', { name: 'Theme' }).getByLabel('Light').check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(html).toHaveCSS('color-scheme', 'light');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(246, 247, 249)');
  await expectNoSeriousAxeViolations(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, 'settings');
});

test('the dark theme applies at once, also on the lock screen, survives a reload, and passes axe', async ({ page, harness }) => {
  // Two axe scans of a long page.
  test.setTimeout(60_000);
  await createVaultInPage(page, harness.url);
  await accountWithKey(harness);
  await openSettings(page);
  const html = page.locator('html');

  await page.getByRole('group', { name: 'Theme' }).getByLabel('Dark').check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveCSS('color-scheme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 20, 24)');
  expect(await storedSettings(harness)).toMatchObject({ theme: 'dark' });
  // The forms' messages and the 2FA warning carry their own colours: show them before the scan.
  await page.getByRole('button', { name: 'Export backup' }).click();
  await expect(page.getByRole('form', { name: 'Export a backup' }).getByRole('alert')).toHaveText(/Choose a passphrase for the backup/);
  await page.getByRole('button', { name: 'Store 2FA seed of Main exchange' }).click();
  await expect(page.getByText(/two factors turn into one/)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 20, 24)');
  await expectNoSeriousAxeViolations(page);
});

test('the signer starts with the default format chosen in the settings', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await accountWithKey(harness);
  await openSettings(page);
  await page.getByLabel('Default command format').selectOption({ label: 'PowerShell' });
  await expect.poll(async () => (await storedSettings(harness)).defaultCommandFormat).toBe('powershell');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Main exchange', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Signer' }).getByLabel('Format')).toHaveValue('powershell');
});

test('a backup downloads, a wrong passphrase is explained, and it imports back with its report', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  const accountId = await accountWithKey(harness);
  await openSettings(page);
  const exportForm = page.getByRole('form', { name: 'Export a backup' });

  await exportForm.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  await exportForm.getByLabel('Backup passphrase again').fill(`${BACKUP_PASSPHRASE}!`);
  await exportForm.getByRole('button', { name: 'Export backup' }).click();
  await expect(exportForm.getByRole('alert')).toHaveText('The two backup passphrases differ: type the same passphrase in both fields.');

  await exportForm.getByLabel('Backup passphrase again').fill(BACKUP_PASSPHRASE);
  await exportForm.getByLabel('Vault passphrase').fill(PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await exportForm.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^barong-vault-\d{4}-\d{2}-\d{2}\.barongvault$/);
  await expect(exportForm.getByRole('status')).toHaveText(/^Backup barong-vault-\S+\.barongvault exported\./);
  await expect(exportForm.getByLabel('Backup passphrase', { exact: true })).toHaveValue('');
  const file = await readFile(await download.path());
  // Encrypted: neither the secret nor the kid is readable in the file.
  expect(file.includes(Buffer.from(SECRET))).toBe(false);
  expect(file.includes(Buffer.from(KID))).toBe(false);

  const importForm = page.getByRole('form', { name: 'Import a backup' });
  const backupFile = { name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: file };
  await importForm.getByLabel('Backup file').setInputFiles(backupFile);
  await importForm.getByLabel('Passphrase of the backup').fill('not the backup passphrase');
  await importForm.getByRole('button', { name: 'Show what the import would do' }).click();
  await expect(importForm.getByRole('alert')).toHaveText(
    /^Wrong backup passphrase, or the file was changed after it was written.*Type the passphrase chosen when the backup was exported/,
  );

  // Into the same vault: the account is matched and its key reported as already here.
  await importForm.getByLabel('Passphrase of the backup').fill(BACKUP_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Show what the import would do' }).click();
  await expect(importForm.getByRole('region', { name: 'Import plan' })).toContainText('This backup adds nothing');
  await importForm.getByRole('button', { name: 'Import', exact: true }).click();
  const report = importForm.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Imported: 0 accounts added, 1 account matched one already here, 0 keys added.');
  await expect(report.getByRole('list', { name: 'Keys already here' })).toHaveText(`${KID} on Main exchange: same secret.`);
  await expect(importForm.getByLabel('Backup file')).toHaveValue('');

  // Into a vault without accounts: restored as it was; its settings only when ticked.
  expect(await harness.backend.channels['accounts.delete']({ accountId })).toMatchObject({ ok: true });
  expect(await harness.backend.channels['settings.update']({ theme: 'light' })).toMatchObject({ ok: true });
  await importForm.getByLabel('Backup file').setInputFiles(backupFile);
  await importForm.getByLabel('Passphrase of the backup').fill(BACKUP_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Show what the import would do' }).click();
  const plan = importForm.getByRole('region', { name: 'Import plan' });
  await expect(plan.getByRole('list', { name: 'New accounts' })).toHaveText('Main exchange on main.example, 1 key');
  await expect(plan.getByRole('table', { name: 'Settings in the backup' })).toContainText('Theme');
  await expect(importForm.getByLabel('Also apply these settings')).not.toBeChecked();
  await importForm.getByLabel('Also apply these settings').check();
  await importForm.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(report).toContainText('Imported: 1 account added, 0 accounts matched one already here, 1 key added.');
  await expect(report).toContainText('The settings were restored from the backup.');
  expect((await storedSettings(harness)).theme).toBe('system');
  await expect(page.getByRole('list', { name: '2FA seeds by account' })).toContainText('Main exchange');
  const keys = await harness.backend.channels['keys.list']({ accountId });
  expect(keys).toMatchObject({ ok: true, value: [{ kid: KID }] });
  expect(await page.content()).not.toContain(SECRET);
});

test('the passphrase changes only with the current one; the vault is never left without protection', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await openSettings(page);
  const protection = page.getByRole('region', { name: 'Unlocking' });
  await expect(protection.getByRole('status').first()).toHaveText('The vault unlocks with its passphrase only.');
  const change = page.getByRole('form', { name: 'Change the passphrase' });
  const next = 'a brand new passphrase';

  await change.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await change.getByLabel('New passphrase', { exact: true }).fill(next);
  await change.getByLabel('New passphrase again').fill(`${next}.`);
  await change.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(change.getByRole('alert')).toHaveText('The two new passphrases differ: type the same passphrase in both fields.');

  await change.getByLabel('Vault passphrase').fill('not the passphrase');
  await change.getByLabel('New passphrase again').fill(next);
  await change.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(change.getByRole('alert')).toHaveText(/^Wrong passphrase\./);

  // The only protection cannot go: the vault's own words, in the form that asked.
  const remove = page.getByRole('form', { name: 'Remove the passphrase' });
  await remove.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await remove.getByRole('button', { name: 'Remove the passphrase' }).click();
  await expect(remove.getByRole('alert')).toHaveText('Add the keychain first: the vault needs a way to be unlocked.');

  await change.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await change.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(change.getByRole('status')).toHaveText('Passphrase changed: the next unlock takes the new one.');
  await expect(change.getByLabel('New passphrase', { exact: true })).toHaveValue('');

  // Something typed in the settings does not outlive a lock.
  await change.getByLabel('Vault passphrase').fill('typed before the lock');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Wrong passphrase/);
  await page.getByLabel('Passphrase').fill(next);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();
  await openSettings(page);
  await expect(page.getByRole('form', { name: 'Change the passphrase' }).getByLabel('Vault passphrase')).toHaveValue('');

  // Keychain and passphrase; then the keychain alone, which then cannot go either.
  const keychain = protection.getByRole('form', { name: "This computer's keychain" });
  await keychain.getByLabel('Vault passphrase').fill(next);
  await keychain.getByRole('button', { name: 'Unlock with the keychain too' }).click();
  await expect(protection.getByRole('status').first()).toHaveText("The vault unlocks with its passphrase or with this computer's keychain (gnome_libsecret).");
  await remove.getByLabel('Vault passphrase').fill(next);
  await remove.getByRole('button', { name: 'Remove the passphrase' }).click();
  await expect(protection.getByRole('status').first()).toHaveText("The vault unlocks with this computer's keychain (gnome_libsecret) only.");
  await expect(page.getByRole('form', { name: 'Set a passphrase' })).toBeVisible();
  // Keychain-only: main's own dialog confirms it is the owner, and the vault then refuses.
  harness.ownerPrompt.answer = 'allow';
  await expect(keychain.getByText('Barong Vault will ask you to confirm in a system dialog.')).toBeVisible();
  await keychain.getByRole('button', { name: 'Stop unlocking with the keychain' }).click();
  await expect(keychain.getByRole('alert')).toHaveText('Set a passphrase first: the vault needs a way to be unlocked.');
  expect(await harness.backend.channels['vault.status'](undefined)).toMatchObject({ ok: true, value: { passphrase: false, keychain: 'gnome_libsecret' } });
});

test.describe('with a basic_text keychain', () => {
  test.use({ keychainBackend: 'basic_text' });

  test('the keychain is not offered, and the page says why', async ({ page, harness }) => {
    await createVaultInPage(page, harness.url);
    await openSettings(page);
    const protection = page.getByRole('region', { name: 'Unlocking' });
    await expect(protection.getByText(/basic_text\) keeps keys in plain text, so the vault needs a passphrase/)).toBeVisible();
    await expect(protection.getByRole('button', { name: /keychain/ })).toHaveCount(0);
  });
});

test('with the 2FA seed stored (after its warning), the account logs in without asking for a code', async ({ page, harness }) => {
  const sandbox = await startSandbox({ port: 0, seed: true });
  try {
    await createVaultInPage(page, harness.url);
    await addSandboxAccount(page, sandbox.url, { 'Login email (optional)': TRADER.email });
    await openSettings(page);
    const seeds = page.getByRole('list', { name: '2FA seeds by account' });
    await expect(seeds).toContainText('Sandbox: no seed, you type the codes.');

    await seeds.getByRole('button', { name: 'Store 2FA seed of Sandbox' }).click();
    const form = seeds.getByRole('form', { name: 'Store the 2FA seed of Sandbox' });
    await expect(form).toHaveAccessibleDescription(
      /this vault becomes the phone, so whoever gets into the vault and learns your password has both: two factors turn into one/,
    );
    const seedField = form.getByLabel('2FA seed (base32)');
    await expect(seedField).toBeFocused();
    await expect(seedField).toHaveAttribute('type', 'password');

    // Storing a seed is privileged: the vault passphrase first, emptied whatever the answer.
    await seedField.fill(TRADER.totpSecret);
    await form.getByRole('button', { name: 'Store the seed' }).click();
    await expect(seeds.getByRole('alert')).toHaveText(/^Enter the vault passphrase to confirm: store a 2FA seed for "Sandbox"/);
    await seedField.fill('not a seed');
    await form.getByLabel('Vault passphrase').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Store the seed' }).click();
    await expect(seeds.getByRole('alert')).toHaveText(/A 2FA seed is base32 text/);
    await expect(form.getByLabel('Vault passphrase')).toHaveValue('');

    await seedField.fill(TRADER.totpSecret);
    await form.getByLabel('Vault passphrase').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Store the seed' }).click();
    await expect(seeds).toContainText('Sandbox: seed stored, codes made by the app.');
    await expect(seeds.getByRole('button', { name: 'Forget 2FA seed of Sandbox' })).toBeFocused();
    expect(await page.content()).not.toContain(TRADER.totpSecret);

    // Back to the account it was on before the settings.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Accounts' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sandbox' })).toBeVisible();
    await openAccountTab(page, 'Exchange');
    const exchange = page.getByRole('region', { name: 'Exchange' });
    const login = exchange.getByRole('form', { name: 'Log in' });
    await login.getByLabel('Password').fill(TRADER.password);
    await login.getByRole('button', { name: 'Log in' }).click();
    await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText(/^Logged in as trader@sandbox\.test /);
    await expect(login).toHaveCount(0);
    await expect(page.getByLabel('2FA code')).toHaveCount(0);

    await openSettings(page);
    await seeds.getByRole('button', { name: 'Forget 2FA seed of Sandbox' }).click();
    await expect(seeds).toContainText('Sandbox: no seed, you type the codes.');
  } finally {
    await sandbox.close();
  }
});

test("the menu's Settings and Search commands reach the page", async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  const menu = (command: 'settings' | 'search') =>
    page.evaluate(
      ([deliver, payload]) => (globalThis as unknown as Record<string, (event: string, body: unknown) => void>)[deliver]?.('menu.command', payload),
      [DELIVER_EVENT, { command }] as const,
    );

  await menu('settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');

  await menu('search');
  await expect(page.getByRole('combobox', { name: 'Account, key label or kid' })).toBeFocused();
});

/** Hands the page a backup as main does when the trader opens a .barongvault file from the computer. */
async function openFromComputer(page: Page, backup: { fileName: string; contentBase64: string }) {
  await page.evaluate(
    ([deliver, payload]) => (globalThis as unknown as Record<string, (event: string, body: unknown) => void>)[deliver]?.('backup.opened', payload),
    [DELIVER_EVENT, backup] as const,
  );
}

async function exportedBackup(harness: Harness) {
  const exported = await harness.backend.channels['backup.export']({ ownerPassphrase: PASSPHRASE, passphrase: BACKUP_PASSPHRASE });
  if (!exported.ok) throw new Error(exported.error.message);
  return { fileName: 'monday.barongvault', contentBase64: exported.value.contentBase64 };
}

async function unlockInPage(page: Page) {
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();
}

test('a backup opened from the computer waits through the lock and imports with its passphrase only', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  const accountId = await accountWithKey(harness);
  const backup = await exportedBackup(harness);
  expect(await harness.backend.channels['accounts.delete']({ accountId })).toMatchObject({ ok: true });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();

  await openFromComputer(page, backup);
  await expect(page.getByRole('status')).toHaveText('Unlock the vault to import monday.barongvault, the backup opened from your computer.');
  await unlockInPage(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  const importForm = page.getByRole('form', { name: 'Import a backup' });
  await expect(importForm).toHaveAccessibleDescription(/^Opened from your computer: monday\.barongvault/);
  await expect(importForm.getByLabel('Backup file')).toHaveCount(0);
  await expect(importForm.getByLabel('Passphrase of the backup')).toBeFocused();

  // Encrypted and opened on purpose: a lock does not make the trader open it again.
  await importForm.getByLabel('Passphrase of the backup').fill('typed before the lock');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/^Unlock the vault to import monday\.barongvault/);
  await unlockInPage(page);
  await expect(importForm).toContainText('Opened from your computer: monday.barongvault');
  await expect(importForm.getByLabel('Passphrase of the backup')).toHaveValue('');

  await importForm.getByLabel('Passphrase of the backup').fill('not the backup passphrase');
  await importForm.getByRole('button', { name: 'Show what the import would do' }).click();
  await expect(importForm.getByRole('alert')).toHaveText(/^Wrong backup passphrase/);
  await expect(importForm).toContainText('Opened from your computer: monday.barongvault');

  await importForm.getByLabel('Passphrase of the backup').fill(BACKUP_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Show what the import would do' }).click();
  await importForm.getByRole('button', { name: 'Import', exact: true }).click();
  const report = importForm.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Imported: 1 account added, 0 accounts matched one already here, 1 key added.');
  await expect(importForm).not.toContainText('Opened from your computer');
  await expect(importForm.getByLabel('Backup file')).toBeVisible();
  const accounts = await harness.backend.channels['accounts.list'](undefined);
  expect(accounts).toMatchObject({ ok: true, value: [{ name: 'Main exchange' }] });

  // Imported is done with: the next unlock starts from the accounts again.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('');
  await unlockInPage(page);
  await expect(page.getByRole('button', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');
});

test('a backup opened while the vault is open goes to the import form, and Cancel puts the file field back', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await accountWithKey(harness);
  const backup = await exportedBackup(harness);
  await expect(page.getByRole('button', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');

  await openFromComputer(page, backup);
  const importForm = page.getByRole('form', { name: 'Import a backup' });
  await expect(importForm).toContainText('Opened from your computer: monday.barongvault');
  await expect(page.getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  await expect(importForm.getByLabel('Passphrase of the backup')).toBeFocused();
  await expectNoSeriousAxeViolations(page);

  await importForm.getByRole('button', { name: 'Cancel' }).click();
  await expect(importForm).not.toContainText('Opened from your computer');
  await expect(importForm.getByLabel('Backup file')).toBeFocused();
  await importForm.getByLabel('Passphrase of the backup').fill(BACKUP_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Show what the import would do' }).click();
  await expect(importForm.getByRole('alert')).toHaveText('Choose the backup file first (a .barongvault file exported by Barong Vault).');
});
