import type { Page } from '@playwright/test';
import type { Harness } from '../harness/fixtures';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { createVaultInPage, PASSPHRASE } from './ui-steps';

const BACKUP_PASSPHRASE = 'backup passphrase 42';
const OWN_KID = '0123456789abcdef';
const PLANTED_KID = 'abcdef0123456789';

async function value<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * A backup as an attacker would hand it over: an account named like the trader's, on the same
 * exchange, carrying a key of theirs; and a look-alike account on a host one letter apart. The
 * backup is written by the harness's own vault, then the vault is emptied of it again.
 */
async function plantedBackup(harness: Harness) {
  const { channels } = harness.backend;
  const main = await value(channels['accounts.create']({ name: 'Main', baseUrl: 'https://main.example' }));
  await value(channels['keys.import']({ accountId: main.id, kid: OWN_KID, secret: 'fedcba9876543210fedcba9876543210' }));
  await value(channels['keys.import']({ accountId: main.id, kid: PLANTED_KID, secret: '00112233445566778899aabbccddeeff', label: 'planted' }));
  const twin = await value(channels['accounts.create']({ name: 'Main', baseUrl: 'https://mian.example' }));
  const exported = await value(channels['backup.export']({ ownerPassphrase: PASSPHRASE, passphrase: BACKUP_PASSPHRASE }));
  await value(channels['accounts.delete']({ accountId: twin.id }));
  const keys = await value(channels['keys.list']({ accountId: main.id }));
  const planted = keys.find((key) => key.kid === PLANTED_KID);
  if (planted) await value(channels['keys.delete']({ keyId: planted.id }));
  return {
    mainId: main.id,
    file: { name: 'planted.barongvault', mimeType: 'application/octet-stream', buffer: Buffer.from(exported.contentBase64, 'base64') },
  };
}

async function openImport(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('form', { name: 'Import a backup' });
}

test('a merge into an existing account shows its plan first, flags the look-alike, and writes nothing until confirmed with the vault passphrase', async ({
  page,
  harness,
}) => {
  // An export, a preview, two refused and one accepted import, each through scrypt, and an axe scan.
  test.slow();
  await createVaultInPage(page, harness.url);
  const { mainId, file } = await plantedBackup(harness);
  const keysBefore = await value(harness.backend.channels['keys.list']({ accountId: mainId }));
  const accountsBefore = await value(harness.backend.channels['accounts.list'](undefined));
  const importForm = await openImport(page);

  await importForm.getByLabel('Backup file').setInputFiles(file);
  await importForm.getByLabel('Passphrase of the backup').fill(BACKUP_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Show what the import would do' }).click();

  const plan = importForm.getByRole('region', { name: 'Import plan' });
  await expect(plan.getByRole('list', { name: 'Keys into existing accounts' })).toHaveText(`${PLANTED_KID} (planted) into Main`);
  await expect(plan.getByRole('list', { name: 'Look-alike accounts' })).toHaveText(
    '"Main" on mian.example looks like "Main" on main.example (a similar address).',
  );
  await expect(plan.getByRole('list', { name: 'Keys already here' })).toHaveText(`${OWN_KID} on Main: same secret.`);
  await expect(importForm).toContainText('Needs your confirmation: Add 1 key from a backup to accounts already in the vault.');
  await expectNoSeriousAxeViolations(page);

  // Shown, not written.
  expect(await value(harness.backend.channels['keys.list']({ accountId: mainId }))).toEqual(keysBefore);
  expect(await value(harness.backend.channels['accounts.list'](undefined))).toEqual(accountsBefore);

  await importForm.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importForm.getByRole('alert')).toHaveText('Enter the vault passphrase to confirm: Add 1 key from a backup to accounts already in the vault.');
  expect(await value(harness.backend.channels['keys.list']({ accountId: mainId }))).toEqual(keysBefore);

  await importForm.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await importForm.getByRole('button', { name: 'Import', exact: true }).click();
  const report = importForm.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Imported: 1 account added, 1 account matched one already here, 1 key added.');
  const keysAfter = await value(harness.backend.channels['keys.list']({ accountId: mainId }));
  expect(keysAfter.map((key) => key.kid)).toEqual([OWN_KID, PLANTED_KID]);
});

test('Cancel on the plan writes nothing and puts the file field back', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  const { mainId, file } = await plantedBackup(harness);
  const keysBefore = await value(harness.backend.channels['keys.list']({ accountId: mainId }));
  const importForm = await openImport(page);

  await importForm.getByLabel('Backup file').setInputFiles(file);
  await importForm.getByLabel('Passphrase of the backup').fill(BACKUP_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Show what the import would do' }).click();
  await expect(importForm.getByRole('region', { name: 'Import plan' })).toBeVisible();
  await importForm.getByRole('button', { name: 'Cancel' }).click();

  await expect(importForm.getByRole('region', { name: 'Import plan' })).toHaveCount(0);
  await expect(importForm.getByLabel('Backup file')).toBeFocused();
  expect(await value(harness.backend.channels['keys.list']({ accountId: mainId }))).toEqual(keysBefore);
  expect(await value(harness.backend.channels['audit.list']({ limit: 5 }))).not.toContainEqual(expect.objectContaining({ action: 'import-backup' }));
});

test('export asks for the vault passphrase and is refused without it', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  const exportForm = page.getByRole('form', { name: 'Export a backup' });
  await exportForm.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  await exportForm.getByLabel('Backup passphrase again').fill(BACKUP_PASSPHRASE);
  await exportForm.getByRole('button', { name: 'Export backup' }).click();
  await expect(exportForm.getByRole('alert')).toHaveText('Enter the vault passphrase: exporting every secret needs it.');

  // The page's own check aside, main refuses an export without the owner's proof (main/privilege).
  expect(await harness.backend.channels['backup.export']({ passphrase: BACKUP_PASSPHRASE })).toMatchObject({
    ok: false,
    error: { code: 'owner.passphrase_required' },
  });

  await exportForm.getByLabel('Vault passphrase').fill('not the vault passphrase');
  await exportForm.getByRole('button', { name: 'Export backup' }).click();
  await expect(exportForm.getByRole('alert')).toHaveText(/passphrase/i);
  await expect(exportForm.getByRole('status')).toHaveText('');
});
