import type { Page } from '@playwright/test';
import { expect } from '../harness/fixtures';

export const PASSPHRASE = 'correct horse battery staple';

/** First run through the UI: a vault protected by a passphrase, left unlocked. */
export async function createVaultInPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
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
  await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sandbox' })).toBeVisible();
}
