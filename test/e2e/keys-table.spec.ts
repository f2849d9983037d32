import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { seededSandboxForEachTest } from './seeded-sandbox';
import { addSandboxAccount, createVaultInPage, openAccountTab } from './ui-steps';

const sandbox = seededSandboxForEachTest();

/** How the row's buttons name a key: its label and the start of its kid. */
const named = (label: string, kid: string) => `${label} (${kid.slice(0, 8)}…)`;

const keysTable = (page: Page) => page.getByRole('table', { name: 'Keys', exact: true });
const rowOf = (page: Page, kid: string) => keysTable(page).getByRole('row', { name: new RegExp(kid) });

async function importLabelled(page: Page, kid: string, secret: string, label: string) {
  await openAccountTab(page, 'Keys');
  const importForm = page.getByRole('form', { name: 'Import key' });
  await importForm.getByLabel('Key id (kid)').fill(kid);
  await importForm.getByLabel('Secret').fill(secret);
  await importForm.getByLabel('Label (optional)').fill(label);
  await importForm.getByRole('button', { name: 'Import key' }).click();
  await expect(importForm.getByRole('status')).toContainText(`Key ${kid} imported.`);
}

/** Opens the row's menu of less used actions and chooses one. */
async function fromMenu(row: Locator, name: string, action: string) {
  await row.getByRole('button', { name: `More actions for ${name}` }).click();
  await row.getByRole('button', { name: `${action} ${name}` }).click();
}

/** A new vault with the sandbox's account and its first two seeded keys imported as "bot" and "grid". */
async function vaultWithBotAndGrid(page: Page, harnessUrl: string) {
  const [first, second] = sandbox().apiKeys;
  if (!first || !second) throw new Error('The sandbox has fewer than two seeded keys.');
  await createVaultInPage(page, harnessUrl);
  await addSandboxAccount(page, sandbox().url);
  await importLabelled(page, first.kid, first.secret, 'bot');
  await importLabelled(page, second.kid, second.secret, 'grid');
  return [first, second] as const;
}

test('the keys table: states, scopes and dates, and each row action', async ({ page, harness }) => {
  // Two axe scans and two screenshots on a machine the other tests share.
  test.slow();
  const [first, second] = await vaultWithBotAndGrid(page, harness.url);

  const firstRow = rowOf(page, first.kid);
  const secondRow = rowOf(page, second.kid);
  await expect(keysTable(page).getByRole('columnheader')).toHaveText(['Key', 'State', 'Scopes', 'Created · last used', 'Programs', 'Actions']);
  // Label first, the kid under it; an imported key's state is unknown until the exchange's list says it.
  await expect(firstRow.getByRole('cell').first()).toHaveText(new RegExp(`^bot${first.kid}`));
  await expect(firstRow).toContainText('unknown');
  await expect(firstRow).toContainText('imported · used never');

  // Copy kid: main puts the kid, and nothing else, on the clipboard; a kid is no secret, so it stays.
  await firstRow.getByRole('button', { name: `Copy kid of ${named('bot', first.kid)}` }).click();
  await expect(page.getByText(`Kid of ${named('bot', first.kid)} copied.`)).toBeVisible();
  expect(harness.clipboard.state).toEqual({ text: first.kid, secret: false });

  // Rename in place: Escape keeps the label, Enter saves the new one.
  await fromMenu(firstRow, named('bot', first.kid), 'Rename');
  const labelField = firstRow.getByRole('textbox', { name: `New label for ${named('bot', first.kid)}` });
  await expect(labelField).toBeFocused();
  await labelField.fill('scalper');
  await labelField.press('Escape');
  await expect(labelField).toHaveCount(0);
  await expect(firstRow.getByRole('cell').first()).toHaveText(new RegExp(`^bot${first.kid}`));
  await fromMenu(firstRow, named('bot', first.kid), 'Rename');
  await labelField.fill('scalper');
  await labelField.press('Enter');
  await expect(firstRow.getByRole('cell').first()).toHaveText(new RegExp(`^scalper${first.kid}`));
  await expect(firstRow.getByRole('button', { name: `Copy kid of ${named('scalper', first.kid)}` })).toBeVisible();

  // Test: a signed read of the balances, its outcome in the row.
  await fromMenu(firstRow, named('scalper', first.kid), 'Test');
  await expect(firstRow.getByRole('status')).toHaveText(/^Works: \d+ balances? read in \d+ ms\.$/);
  await expect(firstRow.getByRole('button', { name: `More actions for ${named('scalper', first.kid)}` })).toBeFocused();

  // The menu by keyboard: it opens on its first action; the arrows, Home and End move (wrapping round); Escape gives the focus back.
  const scalper = named('scalper', first.kid);
  const action = (name: string) => firstRow.getByRole('button', { name: `${name} ${scalper}` });
  const walk: Array<[key: string, focused: string]> = [
    ['Enter', 'Reveal the secret of'],
    ['ArrowDown', 'Test'],
    ['End', 'Forget'],
    ['ArrowDown', 'Reveal the secret of'],
    ['ArrowUp', 'Forget'],
    ['Home', 'Reveal the secret of'],
  ];
  for (const [key, focused] of walk) {
    await page.keyboard.press(key);
    await expect(action(focused), `after ${key}`).toBeFocused();
  }
  await page.keyboard.press('Escape');
  await expect(action('Test')).toHaveCount(0);
  await expect(firstRow.getByRole('button', { name: `More actions for ${scalper}` })).toBeFocused();

  // Dense enough to fit the pane at the smallest window, actions included.
  const tableRight = await keysTable(page).evaluate((table) => table.getBoundingClientRect().right);
  const tabsRight = await page.getByRole('tablist').evaluate((tabs) => tabs.getBoundingClientRect().right);
  expect(tableRight).toBeLessThanOrEqual(tabsRight + 1);

  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'keys');

  // Forget asks first, naming what is lost; Cancel (where the focus starts) keeps the key.
  const forgetName = named('grid', second.kid);
  await fromMenu(secondRow, forgetName, 'Forget');
  const dialog = page.getByRole('alertdialog', { name: `Forget ${forgetName}?` });
  await expect(dialog).toContainText('the secret leaves this vault; the key stays on the exchange and keeps working there', { ignoreCase: true });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'keys-forget');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(secondRow).toBeVisible();
  await expect(secondRow.getByRole('button', { name: `More actions for ${forgetName}` })).toBeFocused();

  await fromMenu(secondRow, forgetName, 'Forget');
  await dialog.getByRole('button', { name: 'Forget key' }).click();
  await expect(secondRow).toHaveCount(0);
  await expect(keysTable(page).getByRole('row')).toHaveCount(2);
  // The focus goes on to the key that is left.
  await expect(firstRow.getByRole('button', { name: `More actions for ${named('scalper', first.kid)}` })).toBeFocused();
  const keys = await harness.backend.channels['accounts.list'](undefined);
  expect(keys.ok && keys.value[0]?.keys.map((key) => key.kid)).toEqual([first.kid]);
  expect(harness.clipboard.state.text).toBe(first.kid);
});

test('Use in signer opens the Sign tab with that key chosen', async ({ page, harness }) => {
  const [first, second] = await vaultWithBotAndGrid(page, harness.url);

  for (const [label, kid] of [
    ['grid', second.kid],
    ['bot', first.kid],
  ] as const) {
    await openAccountTab(page, 'Keys');
    await rowOf(page, kid)
      .getByRole('button', { name: `Use in signer: ${named(label, kid)}` })
      .click();
    await expect(page.getByRole('tab', { name: 'Sign', exact: true })).toHaveAttribute('aria-selected', 'true');
    const chosen = page.getByRole('form', { name: 'Signer' }).getByLabel('Key').locator('option:checked');
    await expect(chosen).toContainText(kid);
  }
});
