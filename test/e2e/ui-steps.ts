import type { Locator, Page } from '@playwright/test';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { expect } from '../harness/fixtures';

export const PASSPHRASE = 'correct horse battery staple';

/** Whether `later` comes after `earlier` in the page, as it reads from top to bottom. */
export async function comesAfter(later: Locator, earlier: Locator): Promise<boolean> {
  const before = await earlier.elementHandle();
  // Node.DOCUMENT_POSITION_FOLLOWING: the browser's constant, not in this file's (Node) types.
  const following = 4;
  return later.evaluate((node, { other, bit }) => other !== null && (other.compareDocumentPosition(node) & bit) !== 0, { other: before, bit: following });
}

/** First run through the UI: a vault protected by a passphrase, left unlocked. */
export async function createVaultInPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();
}

/** First run through the UI: a vault the computer's keychain alone unlocks, left unlocked; privileged changes then ask in main's dialog. */
export async function createKeychainOnlyVaultInPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("This computer's keychain").check();
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await expect(page.getByRole('heading', { name: 'Vault unlocked' })).toBeVisible();
}

/** Adds an account named Sandbox through the form (extra fields by label) and opens it. */
export async function addSandboxAccount(page: Page, baseUrl: string, fields: Record<string, string> = {}): Promise<void> {
  await page.getByRole('button', { name: 'Add account' }).click();
  const addForm = page.getByRole('form', { name: 'Add account' });
  await addForm.getByLabel('Name').fill('Sandbox');
  await addForm.getByLabel('Base URL').fill(baseUrl);
  for (const [label, value] of Object.entries(fields)) await addForm.getByLabel(label).fill(value);
  await addForm.getByRole('button', { name: 'Add account' }).click();
  // The form has a "Sandbox" preset button of its own until it closes.
  await expect(addForm).toHaveCount(0);
  await page.getByRole('list', { name: 'Accounts' }).getByRole('button', { name: 'Sandbox', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sandbox' })).toBeVisible();
}

/** Shows one of the open account's tabs. */
export async function openAccountTab(page: Page, tab: 'Sign' | 'Keys' | 'Exchange' | 'Details'): Promise<void> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Imports a key through the open account's form (on its Keys tab) and waits for the app to confirm it. */
export async function importKeyInPage(page: Page, kid: string, secret: string): Promise<void> {
  await openAccountTab(page, 'Keys');
  const importForm = page.getByRole('form', { name: 'Import key' });
  await importForm.getByLabel('Key id (kid)').fill(kid);
  await importForm.getByLabel('Secret').fill(secret);
  await importForm.getByRole('button', { name: 'Import key' }).click();
  await expect(importForm.getByRole('status')).toContainText(`Key ${kid} imported.`);
}

/** A vault, an account on the sandbox with a 1 s nonce lifetime, the first seeded key imported and chosen in the signer. */
export async function signerOnSandbox(page: Page, url: string, sandbox: RunningSandbox): Promise<Locator> {
  const seeded = sandbox.apiKeys[0];
  if (!seeded) throw new Error('The sandbox has no seeded key.');
  await createVaultInPage(page, url);
  await addSandboxAccount(page, sandbox.url, { 'Nonce lifetime (ms)': '1000' });
  await importKeyInPage(page, seeded.kid, seeded.secret);
  await openAccountTab(page, 'Sign');
  const signer = page.getByRole('form', { name: 'Signer' });
  const keyId = await signer.getByLabel('Key').locator('option', { hasText: seeded.kid }).getAttribute('value');
  await signer.getByLabel('Key').selectOption(keyId ?? '');
  return signer;
}

/** The signer's announcement of a copy, in its live region. */
export const copyStatus = (page: Page): Locator =>
  page
    .locator('.signer')
    .getByRole('status')
    .filter({ hasText: /^Copied/ });
