import type { Locator, Page } from '@playwright/test';
import { barongPaths } from '../../app/barong/paths';
import { expect, test } from '../harness/fixtures';
import { seededSandboxForEachTest, TRADER } from './seeded-sandbox';
import type { Harness } from '../harness/fixtures';
import { startAnswerDroppingProxy } from '../support/answer-dropping-proxy';
import { atLeastLeftInPeriod, TotpCodes } from './totp-codes';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { addSandboxAccount, comesAfter, createVaultInPage, importKeyInPage, openAccountTab, PASSPHRASE } from './ui-steps';

const WRONG_CODE = 'The 2FA code is wrong. Check the authenticator app and the computer clock, then enter the current code.';

const sandbox = seededSandboxForEachTest();

/** A vault and an account at `baseUrl` with the trader's login email, opened on its Exchange section. */
async function setUp(page: Page, harness: Harness, baseUrl: string) {
  await createVaultInPage(page, harness.url);
  await addSandboxAccount(page, baseUrl, { 'Login email (optional)': TRADER.email });
  await openAccountTab(page, 'Exchange');
  const exchange = page.getByRole('region', { name: 'Exchange', exact: true });
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText('Logged out.');
  return exchange;
}

/** Password, then the code the exchange asks for. */
async function logIn(exchange: Locator, code: string) {
  const login = exchange.getByRole('form', { name: 'Log in' });
  await login.getByLabel('Password').fill(TRADER.password);
  await login.getByRole('button', { name: 'Log in' }).click();
  await login.getByLabel('2FA code').fill(code);
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText(/^Logged in as trader@sandbox\.test /);
}

/** The vault's keys of the one account, as main holds them (the Keys tab is not shown beside the Exchange tab). */
async function vaultKeys(harness: Harness) {
  const accounts = await harness.backend.channels['accounts.list'](undefined);
  const accountId = accounts.ok ? accounts.value[0]?.id : undefined;
  if (!accountId) throw new Error('The account is not in the vault.');
  const keys = await harness.backend.channels['keys.list']({ accountId });
  return keys.ok ? keys.value : [];
}

const remoteStateOf = async (harness: Harness, kid: string) => (await vaultKeys(harness)).find((key) => key.kid === kid)?.remoteState;

/** A key change that loses something asks first, in words; `answer` is the dialog's button to press. */
async function confirmKeyChange(page: Page, title: string, words: string, answer: string) {
  const dialog = page.getByRole('alertdialog', { name: title });
  await expect(dialog).toContainText(words);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: answer }).click();
  await expect(dialog).toHaveCount(0);
}

/** The code form the UI opens for a key change, answered with `code`. */
async function sendKeyCode(exchange: Locator, what: string, code: string) {
  const codeForm = exchange.getByRole('form', { name: 'Key change code' });
  await expect(codeForm).toContainText(`The exchange asks for a 2FA code to ${what}.`);
  await expect(codeForm.getByLabel('2FA code')).toBeFocused();
  await codeForm.getByLabel('2FA code').fill(code);
  await codeForm.getByRole('button', { name: 'Send the code' }).click();
}

test('a key is disabled, enabled and deleted on the exchange, each with a fresh code', async ({ page, harness }) => {
  // Four codes from four periods (the last one is only accepted about 30 s from the first), and an axe scan.
  test.setTimeout(120_000);
  const seeded = sandbox().apiKeys.find((key) => key.email === TRADER.email);
  if (!seeded) throw new Error('The sandbox has no key for the trader.');
  const exchange = await setUp(page, harness, sandbox().url);
  await importKeyInPage(page, seeded.kid, seeded.secret);
  await openAccountTab(page, 'Exchange');
  const host = new URL(sandbox().url).host;

  const codes = new TotpCodes(TRADER.totpSecret);
  await logIn(exchange, await codes.next());
  await exchange.getByRole('button', { name: 'List keys on the exchange' }).click();
  const remote = exchange.getByRole('table', { name: 'Keys on the exchange' });
  const row = remote.getByRole('row', { name: new RegExp(seeded.kid) });
  // An imported key's state is unknown until the exchange's list says it: brought in line, it keeps its row and actions.
  await expect(exchange.getByRole('list', { name: 'State changes' })).toHaveText(`${seeded.kid}: unknown → active`);
  await expect(row).toContainText('In vault and in sync (active)');
  const keys = exchange.getByRole('region', { name: 'Keys on the exchange' });
  const keysAlert = keys.getByRole('alert');

  // Disable asks first; then a mistyped code is refused in the catalogue's words and the form stays for another.
  await row.getByRole('button', { name: `Disable key ${seeded.kid}` }).click();
  await confirmKeyChange(page, `Disable ${seeded.kid} on ${host}?`, 'Programs and bots using it are refused by the exchange at once', 'Disable key');
  await sendKeyCode(exchange, `disable key ${seeded.kid}`, codes.wrong());
  await expect(keysAlert).toHaveText(WRONG_CODE);
  // A key in the list is changed under the list: the prompt and its refusal sit above the create form.
  const createForm = exchange.getByRole('form', { name: 'Create key' });
  const codeForm = exchange.getByRole('form', { name: 'Key change code' });
  expect(await comesAfter(codeForm, remote)).toBe(true);
  expect(await comesAfter(createForm, keysAlert)).toBe(true);
  await saveScreenshot(page, 'exchange-key-code');
  await sendKeyCode(exchange, `disable key ${seeded.kid}`, await codes.next());
  await expect(keys.getByText(`Key ${seeded.kid} disabled.`, { exact: true })).toBeVisible();
  expect(await comesAfter(createForm, keys.getByText(`Key ${seeded.kid} disabled.`, { exact: true }))).toBe(true);
  // The code form that held the focus is gone: the keyboard carries on from the outcome, not from the top of the page.
  await expect(keys.getByRole('status').filter({ hasText: `Key ${seeded.kid} disabled.` })).toBeFocused();
  await expect(keysAlert).toHaveCount(0); // an empty alert takes no space, and is not shown
  await expect(row).toContainText('In vault and in sync (disabled)');
  await expect.poll(() => remoteStateOf(harness, seeded.kid)).toBe('disabled');
  // The signer lists it, marked, and does not let it be chosen: the exchange would only refuse it.
  await openAccountTab(page, 'Sign');
  const picked = page.getByRole('form', { name: 'Signer' }).getByLabel('Key');
  await expect(picked.locator('option', { hasText: seeded.kid })).toHaveText(`${seeded.kid} · disabled on the exchange`);
  await expect(picked.locator('option', { hasText: seeded.kid })).toBeDisabled();
  await expect(picked).not.toHaveValue(/./);
  // Back on the Exchange tab, the exchange's list is where it was, with the time it was listed.
  await openAccountTab(page, 'Exchange');
  await expect(row).toContainText('In vault and in sync (disabled)');
  await expect(keys.getByText(/^Listed at .+/)).toBeVisible();
  await expect(keys.getByRole('button', { name: 'Refresh keys' })).toBeVisible();
  // The exchange really refuses the key now.
  await row.getByRole('button', { name: `Test key ${seeded.kid}` }).click();
  await expect(row.getByRole('status')).toHaveText('This API key is disabled. Enable the key again (turning 2FA off disables every key).');

  // Enable: the code just spent is caught before it reaches the exchange; the next one works.
  await row.getByRole('button', { name: `Enable key ${seeded.kid}` }).click();
  await sendKeyCode(exchange, `enable key ${seeded.kid}`, codes.last());
  await expect(keysAlert).toHaveText(
    'This 2FA code was just used and the exchange will refuse it again: wait for the next code. Wait for the authenticator app to show a new code, then enter that one.',
  );
  await sendKeyCode(exchange, `enable key ${seeded.kid}`, await codes.next());
  await expect(keys.getByText(`Key ${seeded.kid} enabled.`, { exact: true })).toBeVisible();
  await expect(row).toContainText('In vault and in sync (active)');
  await expect.poll(() => remoteStateOf(harness, seeded.kid)).toBe('active');
  await row.getByRole('button', { name: `Test key ${seeded.kid}` }).click();
  await expect(row.getByRole('status')).toHaveText(/^Works: \d+ balances? read in \d+ ms\.$/);

  // Delete asks first, naming what stops working: Cancel sends nothing, no code is asked.
  const deleteTitle = `Delete ${seeded.kid} on ${host}?`;
  const deleteWords = 'Programs and bots using it stop working at once; this cannot be undone.';
  await row.getByRole('button', { name: `Delete key ${seeded.kid}` }).click();
  await expect(page.getByRole('alertdialog', { name: deleteTitle })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'exchange-delete-confirm');
  await confirmKeyChange(page, deleteTitle, deleteWords, 'Cancel');
  await expect(exchange.getByRole('form', { name: 'Key change code' })).toHaveCount(0);
  await expect(row).toContainText('In vault and in sync (active)');

  // Confirmed: gone from the exchange's list and from the vault.
  await row.getByRole('button', { name: `Delete key ${seeded.kid}` }).click();
  await confirmKeyChange(page, deleteTitle, deleteWords, 'Delete key');
  await sendKeyCode(exchange, `delete key ${seeded.kid}`, await codes.next());
  await expect(keys.getByText(`Key ${seeded.kid} deleted on the exchange.`, { exact: true })).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(exchange.getByRole('form', { name: 'Key change code' })).toHaveCount(0);
  expect(await vaultKeys(harness)).toEqual([]);
  await openAccountTab(page, 'Keys');
  await expect(page.getByText('No keys yet')).toBeVisible();
});

test('with the 2FA seed stored, a second code in the same period is waited for, in seconds, then used', async ({ page, harness }) => {
  // Up to 15 s to reach a login early in a period, then most of the period waited for, by design.
  test.setTimeout(90_000);
  const exchange = await setUp(page, harness, sandbox().url);
  const accounts = await harness.backend.channels['accounts.list'](undefined);
  const accountId = accounts.ok ? accounts.value[0]?.id : undefined;
  if (!accountId) throw new Error('The account is not in the vault.');
  expect((await harness.backend.channels['accounts.setTotpSeed']({ accountId, seed: TRADER.totpSecret, ownerPassphrase: PASSPHRASE })).ok).toBe(true);

  // Log in early enough in a period that the wait for the next one lasts several seconds, even on a busy machine.
  await atLeastLeftInPeriod(15_000);
  const login = exchange.getByRole('form', { name: 'Log in' });
  await login.getByLabel('Password').fill(TRADER.password);
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(exchange.getByRole('status', { name: 'Session' })).toHaveText(/^Logged in as trader@sandbox\.test /);
  await expect(login).toHaveCount(0);

  const create = exchange.getByRole('form', { name: 'Create key' });
  await create.getByLabel('Label').fill('after the wait');
  await create.getByLabel('Scopes (comma separated)').fill('read');
  await create.getByRole('button', { name: 'Create key' }).click();

  const wait = exchange.getByRole('status', { name: 'Code wait' });
  const shown = /^The 2FA code was just used: waiting (\d+) s for the next one, for creating the key\.$/;
  await expect(wait).toHaveText(shown);
  const secondsOf = async () => Number(shown.exec(await wait.innerText())?.[1] ?? Number.NaN);
  const first = await secondsOf();
  expect(first).toBeGreaterThanOrEqual(1);
  expect(first).toBeLessThanOrEqual(30);
  await expect.poll(secondsOf, { timeout: 3_000 }).toBeLessThan(first);
  await expect(exchange.getByRole('button', { name: 'Create key' })).toBeDisabled();

  await expect(exchange.getByText(/^Key \S+ created\.$/)).toBeVisible({ timeout: 35_000 });
  await expect(wait).toHaveCount(0);
  await expect(exchange.getByRole('form', { name: 'Key change code' })).toHaveCount(0);
  await openAccountTab(page, 'Keys');
  await expect(page.getByRole('table', { name: 'Keys', exact: true })).toContainText('after the wait');
});

test('a creation whose answer was lost is listed as unfinished, its key shows on the exchange, and it can be dismissed', async ({ page, harness }) => {
  const proxy = await startAnswerDroppingProxy(sandbox().url);
  try {
    const exchange = await setUp(page, harness, proxy.url);
    const codes = new TotpCodes(TRADER.totpSecret);
    await logIn(exchange, await codes.next());

    proxy.dropAnswerTo('POST', barongPaths.apiKeys);
    const create = exchange.getByRole('form', { name: 'Create key' });
    await create.getByLabel('Label').fill('answer lost');
    await create.getByLabel('Scopes (comma separated)').fill('read');
    await create.getByRole('button', { name: 'Create key' }).click();
    await sendKeyCode(exchange, 'create the key', await codes.next());

    const keys = exchange.getByRole('region', { name: 'Keys on the exchange' });
    await expect(keys.getByRole('alert')).toHaveText(`${new URL(proxy.url).host} closed the connection unexpectedly.`);
    const unfinished = keys.getByRole('region', { name: 'Unfinished key creations' });
    await expect(unfinished).toContainText('These key creations were interrupted: the exchange may hold a key whose secret was never saved.');
    await expect(unfinished.getByRole('listitem')).toHaveCount(1);
    await expect(unfinished.getByRole('listitem')).toContainText(/^answer lost \(read\), started .+ Dismiss$/);
    expect(await vaultKeys(harness)).toEqual([]);

    // The exchange did make the key: it is the one the vault has no secret for.
    await keys.getByRole('button', { name: 'List keys on the exchange' }).click();
    const seeded = new Set(sandbox().apiKeys.map((key) => key.kid));
    const remote = keys.getByRole('table', { name: 'Keys on the exchange' });
    const orphans = remote.getByRole('row').filter({ hasText: 'Only on the exchange' });
    await expect(orphans).toHaveCount(3);
    const kids = (await orphans.locator('td.mono').allInnerTexts()).filter((kid) => !seeded.has(kid));
    expect(kids).toHaveLength(1);
    await expect(remote.getByRole('row', { name: new RegExp(kids[0] ?? '-') })).toContainText(
      'Only on the exchange (active): secret unknown, created elsewhere or by an unfinished creation',
    );

    await unfinished.getByRole('button', { name: 'Dismiss answer lost creation' }).click();
    await expect(unfinished).toHaveCount(0);
    expect(await harness.backend.channels['keys.pendingCreations']({})).toEqual({ ok: true, value: [] });
  } finally {
    await proxy.close();
  }
});
