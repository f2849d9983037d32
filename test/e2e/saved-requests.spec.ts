import type { Page } from '@playwright/test';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { seededSandboxForEachTest } from './seeded-sandbox';
import { addSandboxAccount, createVaultInPage, importKeyInPage, openAccountTab, PASSPHRASE } from './ui-steps';

const sandbox = seededSandboxForEachTest();
const ORDER = { market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '9000' };
const ORDERS = '/api/v2/peatio/market/orders';

/** Saves the signer form's request under `name`, through the list's own form. */
async function saveAs(page: Page, name: string) {
  const saved = page.getByRole('region', { name: 'Saved requests' });
  await saved.getByRole('button', { name: 'Save request' }).click();
  const form = saved.getByRole('form', { name: 'Save request' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(saved.getByRole('status')).toHaveText(`Saved “${name}”.`);
}

test('saved requests: saved with query and body, kept across a lock, put back in the form, sent again, deleted after a question', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const seeded = sandbox().apiKeys[0];
  if (!seeded) throw new Error('The sandbox has no seeded key.');
  await createVaultInPage(page, harness.url);
  await addSandboxAccount(page, sandbox().url);
  await importKeyInPage(page, seeded.kid, seeded.secret);
  await openAccountTab(page, 'Sign');
  const signer = page.getByRole('form', { name: 'Signer' });
  const saved = page.getByRole('region', { name: 'Saved requests' });
  await expect(saved).toContainText('None yet');

  // An order with a query parameter and a body, and a GET of the balances.
  await signer.getByLabel('Endpoint').selectOption('order-create');
  await signer.getByLabel('JSON body').fill(JSON.stringify(ORDER));
  await signer.getByRole('button', { name: 'Add parameter' }).click();
  await signer.getByLabel('Parameter 1 name').fill('note');
  await signer.getByLabel('Parameter 1 value').fill('dip');
  await saveAs(page, 'Buy the dip');
  await signer.getByLabel('Endpoint').selectOption('balances');
  await saveAs(page, 'Balances');

  // A form mistake is shown, and nothing is saved.
  await signer.getByLabel('Endpoint').selectOption('order-create');
  await signer.getByLabel('JSON body').fill('{ not json');
  await saved.getByRole('button', { name: 'Save request' }).click();
  await saved.getByRole('form', { name: 'Save request' }).getByLabel('Name').fill('Broken');
  await saved.getByRole('form', { name: 'Save request' }).getByRole('button', { name: 'Save' }).click();
  await expect(saved.getByRole('alert')).toContainText('The body is not valid JSON');
  await saved.getByRole('form', { name: 'Save request' }).getByRole('button', { name: 'Cancel' }).click();

  // Kept in the vault: locked and unlocked, the account shows them again, by name.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('list', { name: 'Accounts' }).getByRole('button', { name: 'Sandbox', exact: true }).click();
  await openAccountTab(page, 'Sign');
  const items = saved.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Balances');
  await expect(items.nth(1)).toContainText('Buy the dip');
  await expect(items.nth(1)).toContainText(ORDERS);
  await expectNoSeriousAxeViolations(page);

  // Put in the form: method, path, query and body as saved; Send still asks first.
  await saved.getByRole('button', { name: 'Put in the form: Buy the dip' }).click();
  await expect(signer.getByLabel('Method')).toHaveValue('POST');
  await expect(signer.getByLabel('Path')).toHaveValue(ORDERS);
  await expect(signer.getByLabel('Parameter 1 name')).toHaveValue('note');
  await expect(signer.getByLabel('Parameter 1 value')).toHaveValue('dip');
  expect(JSON.parse(await signer.getByLabel('JSON body').inputValue())).toEqual(ORDER);
  await signer.getByRole('button', { name: 'Send' }).click();
  const question = page.getByRole('alertdialog', { name: 'Send this request?' });
  await expect(question).toContainText('Place a limit buy of 0.01 BTC at 9000 on Sandbox?');
  await question.getByRole('button', { name: "Don't send" }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Answer' })).toHaveCount(0);

  // A GET is sent again from the list, and answered.
  await saved.getByRole('button', { name: 'Send again: Balances' }).click();
  await expect(page.getByRole('region', { name: 'Answer' }).getByRole('status')).toHaveText(/^Status 200 in \d+ ms$/);
  await expect(signer.getByLabel('Method')).toHaveValue('GET');

  // Delete asks first, naming what goes; Cancel keeps it.
  await saved.getByRole('button', { name: 'Delete: Buy the dip' }).click();
  const deletion = page.getByRole('alertdialog', { name: 'Delete this saved request?' });
  await expect(deletion).toContainText(`“Buy the dip” (POST ${ORDERS}) goes from this account's saved requests, with its query and body.`);
  await expectNoSeriousAxeViolations(page);
  await deletion.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(2);
  await saved.getByRole('button', { name: 'Delete: Buy the dip' }).click();
  await deletion.getByRole('button', { name: 'Delete saved request' }).click();
  await expect(deletion).toHaveCount(0);
  await expect(items).toHaveCount(1);
  await expect(saved.getByRole('status')).toHaveText('Deleted “Buy the dip”.');
});
