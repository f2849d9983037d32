import { peatioPaths } from '../../app/barong/paths';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { startSandbox } from '../../sandbox/start-sandbox';
import { expect, test } from '../harness/fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { copyStatus, createVaultInPage, signerOnSandbox } from './ui-steps';

/** More than one page of the view (50 entries). */
const EARLIER_SIGNATURES = 55;

let sandbox: RunningSandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, seed: true });
});
test.afterEach(async () => {
  await sandbox.close();
});

test('lists what was signed, copied and sent, narrows by action and text, and pages back to the oldest', async ({ page, harness }) => {
  // A sandbox session, a page of history made first, and a full axe run.
  test.slow();
  const signer = await signerOnSandbox(page, harness.url, sandbox);
  // The earlier signatures are made with a second key, so that Sign again on one has to choose it over the key used last.
  const other = sandbox.apiKeys[1];
  if (!other) throw new Error('The sandbox has fewer than two seeded keys.');
  const listed = await harness.backend.channels['accounts.list']({});
  const accountId = listed.ok ? listed.value[0]?.id : undefined;
  if (accountId === undefined) throw new Error('The account made through the page is not listed.');
  const imported = await harness.backend.channels['keys.import']({ accountId, kid: other.kid, secret: other.secret });
  if (!imported.ok) throw new Error(imported.error.message);
  const keyId = imported.value.key.id;
  for (let count = 0; count < EARLIER_SIGNATURES; count++) {
    const signed = await harness.backend.channels['signer.render']({ keyId, format: 'curl', request: { method: 'GET', path: peatioPaths.orders } });
    expect(signed.ok).toBe(true);
  }

  await signer.getByLabel('Endpoint').selectOption('balances');
  await signer.getByLabel('Format').selectOption('curl');
  await signer.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByLabel('Signed command')).toContainText('curl');
  await signer.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(
    page
      .locator('.signer')
      .getByRole('status')
      .filter({ hasText: /^Copied/ }),
  ).toBeVisible();
  await signer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Answer' }).getByRole('status')).toHaveText(/^Status 200/);
  const secret = sandbox.apiKeys[0]?.secret ?? '';

  await page.getByRole('button', { name: 'Audit log' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  const rows = log.locator('tbody tr');
  await expect(page.getByRole('status').filter({ hasText: 'entries loaded' })).toHaveText('50 entries loaded.');
  await expect(rows).toHaveCount(50);
  // Newest first: the send, the copy and the signature made through the panel.
  await expect(rows.nth(0)).toContainText('Sent');
  await expect(rows.nth(0)).toContainText(`GET ${peatioPaths.balances}`);
  await expect(rows.nth(0)).toContainText('200');
  await expect(rows.nth(0)).toContainText('Sandbox');
  await expect(rows.nth(0)).toContainText(sandbox.apiKeys[0]?.kid ?? 'no kid');
  await expect(rows.nth(1)).toContainText('Signed and copied');
  await expect(rows.nth(2)).toContainText('Signed');
  // One line a row: the full local time to the second, the kid whole in its tooltip, nothing wrapped.
  const kid = sandbox.apiKeys[0]?.kid ?? 'no kid';
  await expect(rows.nth(0).locator('time')).toHaveText(/\d{4}.*\d{1,2}:\d{2}:\d{2}/);
  await expect(rows.nth(0).getByRole('cell', { name: kid })).toHaveAttribute('title', kid);
  // Lines a row takes: its height less the cells' padding, over the line height of the Action cell.
  const lines = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = tr.querySelectorAll('td')[1] ?? tr;
      const style = cell.ownerDocument.defaultView?.getComputedStyle(cell);
      if (!style) return Infinity;
      const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      return (tr.getBoundingClientRect().height - padding) / parseFloat(style.lineHeight);
    }),
  );
  expect(Math.max(...lines)).toBeLessThan(2);
  await expect(rows.nth(0).getByRole('button', { name: /^Sign again/ })).toBeVisible();
  await saveScreenshot(page, 'audit-log');
  await expectNoSeriousAxeViolations(page);
  expect(await page.content()).not.toContain(secret);

  await page.getByLabel('Action').selectOption({ label: 'Sent' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Sent');
  await page.getByLabel('Action').selectOption({ label: 'All actions' });
  await page.getByLabel('Filter', { exact: true }).fill('balances');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('3 of the 50 entries loaded match.');
  await page.getByLabel('Filter', { exact: true }).fill('nothing like this');
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Filter', { exact: true }).fill('');

  // The older page: the earlier signatures and the import, and then nothing older to load.
  await page.getByRole('button', { name: 'Load older entries' }).click();
  // Both imports: the seeded key's through the form, the other's through the backend.
  await expect(rows).toHaveCount(EARLIER_SIGNATURES + 5);
  await expect(rows.last()).toContainText('Imported a key');
  await expect(page.getByRole('button', { name: 'Load older entries' })).toHaveCount(0);

  // Sign again: the account's Sign tab, the row's key chosen and its request in the form.
  await rows
    .nth(0)
    .getByRole('button', { name: `Sign again GET ${peatioPaths.balances}` })
    .click();
  await expect(page.getByRole('tab', { name: 'Sign', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(signer.getByLabel('Key').locator('option:checked')).toContainText(kid);
  await expect(signer.getByLabel('Method')).toHaveValue('GET');
  await expect(signer.getByLabel('Path')).toHaveValue(peatioPaths.balances);
  // The button that was clicked went with the audit view: the focus is on the path, and Enter signs and copies.
  await expect(signer.getByLabel('Path')).toBeFocused();
  await expect(copyStatus(page)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(copyStatus(page)).toBeVisible();

  // Sign again on an earlier signature: the other key, though the seeded one was used last.
  await page.getByRole('button', { name: 'Audit log' }).click();
  // (Only the other key signed the orders path.)
  await page
    .getByRole('button', { name: `Sign again GET ${peatioPaths.orders}` })
    .first()
    .click();
  await expect(signer.getByLabel('Key').locator('option:checked')).toContainText(other.kid);
  await expect(signer.getByLabel('Path')).toHaveValue(peatioPaths.orders);

  // The account's name is a link to it: from no account chosen to this one, on its Sign tab.
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(signer).toHaveCount(0);
  await page.getByRole('button', { name: 'Audit log' }).click();
  await rows.nth(0).getByRole('button', { name: 'Sandbox', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Sign', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(signer).toBeVisible();
});

test('says so when nothing was done yet', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await page.getByRole('button', { name: 'Audit log' }).click();
  const empty = page.getByRole('region', { name: 'No audit entries yet' });
  await expect(empty).toContainText('Each request a key signs, copies or sends lands here on one line');
  await expect(page.getByRole('table', { name: 'Audit log' })).toHaveCount(0);
  await expect(page.getByRole('search', { name: 'Filter the audit log' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  // With no account yet, the way there starts with adding one.
  await empty.getByRole('button', { name: 'Add an account' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts', exact: true })).toBeVisible();
  await expect(empty).toHaveCount(0);
});
