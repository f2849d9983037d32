import type { Page } from '@playwright/test';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { startSandbox } from '../../sandbox/start-sandbox';
import { expect, test } from '../harness/fixtures';
import { runShell } from '../support/run-shell';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { signerOnSandbox } from './ui-steps';

// Only what a trader's shell would have.
const bash = (script: string) => runShell('bash', script, { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' });
const nonceOf = (text: string) => /X-Auth-Nonce\D*(\d{10,})/.exec(text)?.[1];
const secondsLeft = (text: string) => Number(/Valid for ([\d.]+) s/.exec(text)?.[1] ?? Number.NaN);

let sandbox: RunningSandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, seed: true });
});
test.afterEach(async () => {
  await sandbox.close();
});

const setUp = (page: Page, url: string) => signerOnSandbox(page, url, sandbox);

test('signs balances as curl that really runs, counts down, goes stale, signs again, and sends', async ({ page, harness }) => {
  // axe audits take a few seconds each on a busy machine.
  test.setTimeout(40_000);
  const signer = await setUp(page, harness.url);
  await signer.getByLabel('Endpoint').selectOption('balances');
  await signer.getByLabel('Format').selectOption('curl');
  await signer.getByRole('button', { name: 'Sign' }).click();

  const command = page.getByLabel('Signed command');
  const validity = page.getByLabel('Validity');
  await expect(command).toContainText('curl');
  await expect(validity).toHaveText(/^Valid for \d+\.\d s$/);
  const first = secondsLeft(await validity.innerText());
  await expect.poll(async () => secondsLeft(await validity.innerText()), { timeout: 900 }).toBeLessThan(first);

  // The text shown, run by a real shell with real curl, within the sandbox's window.
  const text = await command.innerText();
  expect(text.trimStart().startsWith('curl')).toBe(true);
  const run = await bash(text);
  expect(run.code, run.stderr).toBe(0);
  const balances = JSON.parse(run.stdout) as Array<{ currency: string }>;
  expect(Array.isArray(balances)).toBe(true);
  expect(balances.length).toBeGreaterThan(0);

  // Past the account's 1 s lifetime the output is stale; one click signs a new one.
  await expect(validity).toHaveText('Stale: the exchange would refuse this command now.', { timeout: 3000 });
  await expect(page.locator('.countdown')).toHaveAttribute('data-stage', 'stale');
  const firstNonce = nonceOf(text);
  expect(firstNonce).toBeDefined();
  await page.getByRole('button', { name: 'Sign again', exact: true }).click();
  await expect(validity).toHaveText(/^Valid for/);
  const secondNonce = nonceOf(await command.innerText());
  expect(secondNonce).toBeDefined();
  expect(secondNonce).not.toBe(firstNonce);
  // A picture while the command is still valid, then the audit of the panel with it.
  await command.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'signer');
  await expectNoSeriousAxeViolations(page);

  // Send from main, to the host shown beside it: status, time, and the pretty answer with a currency from it.
  await expect(signer.getByRole('button', { name: 'Send' })).toHaveAccessibleDescription(`to ${new URL(sandbox.url).host}`);
  await signer.getByRole('button', { name: 'Send' }).click();
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(answer.getByRole('status')).toHaveText(/^Status 200 in \d+ ms$/);
  await expect(answer.getByLabel('Answer body')).toContainText(`"currency": "${balances[0]?.currency ?? ''}"`);
});

test('the script format signs when it runs; a POST with invalid JSON signs nothing; a refusal is explained', async ({ page, harness }) => {
  const signer = await setUp(page, harness.url);
  await signer.getByLabel('Format').selectOption('script');
  await signer.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByLabel('Validity')).toHaveText(/signs when it runs/);
  // It holds the kid only: the secret comes from the environment when it runs.
  await expect(page.getByLabel('Signed command')).toContainText('BARONG_SECRET');
  await expect(page.getByLabel('Signed command')).not.toContainText(sandbox.apiKeys[0]?.secret ?? '');

  const signsBefore = await harness.backend.channels['audit.list']({});
  if (!signsBefore.ok) throw new Error('No audit log.');
  await signer.getByLabel('Endpoint').selectOption('order-create');
  await signer.getByLabel('Format').selectOption('curl');
  await signer.getByLabel('JSON body').fill('{"market": "btcusd", "side": ');
  await signer.getByRole('button', { name: 'Sign' }).click();
  await expect(signer.getByRole('alert')).toContainText('The body is not valid JSON');
  await expect(signer.getByRole('alert')).toContainText('Nothing was signed.');
  await expect(page.getByLabel('Signed command')).toHaveCount(0);
  await signer.getByRole('button', { name: 'Send' }).click();
  await expect(signer.getByRole('alert')).toContainText('The body is not valid JSON');
  expect(await harness.backend.channels['audit.list']({})).toEqual(signsBefore);

  // A preset's placeholder is a field of its own, asked for when empty; a refusal shows the catalogue's message and its next step.
  await signer.getByLabel('Endpoint').selectOption('order');
  await expect(signer.getByLabel('JSON body')).toHaveCount(0);
  await signer.getByRole('button', { name: 'Send' }).click();
  await expect(signer.getByRole('alert')).toHaveText('Fill in id: the path needs it.');
  const path = '/api/v2/peatio/market/orders/999999';
  await signer.getByLabel('id', { exact: true }).fill('999999');
  await signer.getByRole('button', { name: 'Send' }).click();
  const keyId = await signer.getByLabel('Key').inputValue();
  const refusal = await harness.backend.channels['signer.send']({ keyId, request: { method: 'GET', path } });
  if (refusal.ok) throw new Error('The sandbox answered an order that does not exist.');
  expect(refusal.error.action).toBeTruthy();
  await expect(signer.getByRole('alert')).toHaveText(`${refusal.error.message} ${refusal.error.action ?? ''}`);
});
