import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { Page } from '@playwright/test';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { expect, test } from '../harness/fixtures';
import type { Harness } from '../harness/fixtures';
import { runShell } from '../support/run-shell';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { seededSandboxForEachTest } from './seeded-sandbox';
import { addSandboxAccount, copyStatus, createVaultInPage, importKeyInPage, openAccountTab } from './ui-steps';

const sandbox = seededSandboxForEachTest();
const ORDER = { market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '9000' };
const bash = (script: string) => runShell('bash', script, { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' });

/** A vault, an account named Sandbox at `baseUrl` with this nonce lifetime, the seeded key imported, on the Sign tab. */
async function deskOn(page: Page, harness: Harness, running: RunningSandbox, baseUrl = running.url, lifetimeMs = 1000) {
  const seeded = running.apiKeys[0];
  if (!seeded) throw new Error('The sandbox has no seeded key.');
  await createVaultInPage(page, harness.url);
  await addSandboxAccount(page, baseUrl, { 'Nonce lifetime (ms)': String(lifetimeMs) });
  await importKeyInPage(page, seeded.kid, seeded.secret);
  await openAccountTab(page, 'Sign');
  const signer = page.getByRole('form', { name: 'Signer' });
  return { signer, seeded };
}

const isOurOrder = (order: unknown) => typeof order === 'object' && order !== null && (order as { price?: string }).price === '9000.0';

/** The orders this spec placed (the seeded trader has others), asked through the backend (the page's own door). */
async function openOrders(harness: Harness, page: Page): Promise<unknown[]> {
  const keyId = await page.getByRole('form', { name: 'Signer' }).getByLabel('Key').inputValue();
  const answer = await harness.backend.channels['signer.send']({ keyId, request: { method: 'GET', path: '/api/v2/peatio/market/orders' } });
  if (!answer.ok) throw new Error(`Listing the orders failed: ${answer.error.message}`);
  return (answer.value.body as unknown[]).filter(isOurOrder);
}

async function fillOrder(page: Page) {
  const signer = page.getByRole('form', { name: 'Signer' });
  await signer.getByLabel('Endpoint').selectOption('order-create');
  await signer.getByLabel('JSON body').fill(JSON.stringify(ORDER));
}

/**
 * A loopback server in front of the sandbox with a fault: 'drop' passes the request on and closes
 * the connection as the answer comes back (the order is placed, its answer lost); 'limit' answers
 * 429 with Retry-After without passing anything on.
 */
async function faultyFront(upstreamPort: number, fault: 'drop' | 'limit'): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (fault === 'limit') {
      client.once('data', () =>
        client.end(
          'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nConnection: close\r\n\r\nRetry later',
        ),
      );
      return;
    }
    const upstream = connect(upstreamPort, '127.0.0.1');
    sockets.add(upstream);
    client.pipe(upstream);
    upstream.once('data', () => {
      client.destroy();
      upstream.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

test('the palette finds a key by kid with the keyboard only, over any screen, and opens the signer with it', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const { seeded } = await deskOn(page, harness, sandbox());
  await harness.backend.channels['accounts.create']({ name: 'Main exchange', baseUrl: 'https://main.example' });
  await openAccountTab(page, 'Details');
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Find an account or key' });
  const input = palette.getByRole('combobox', { name: 'Account, key label or kid' });
  await expect(input).toBeFocused();
  await expect(palette.getByRole('option')).toHaveCount(2);
  await page.keyboard.type(seeded.kid.slice(0, 6));
  await expect(palette.getByRole('option')).toHaveCount(1);
  await expect(palette.getByRole('option')).toContainText(seeded.kid);
  await expect(palette.getByRole('option')).toHaveAttribute('aria-selected', 'true');
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'palette');

  // Escape closes it and gives the focus back; Enter on the key opens the Sign tab with it chosen.
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('main');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(seeded.kid.slice(0, 6));
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Sign' })).toHaveAttribute('aria-selected', 'true');
  const picker = page.getByRole('form', { name: 'Signer' }).getByLabel('Key');
  await expect(picker.locator('option:checked')).toContainText(seeded.kid);
  // No match says so.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('no such key');
  await expect(palette.getByText('Nothing matches “no such key”.')).toBeVisible();
});

test('the countdown pill goes green, amber, red, then stale with one-click re-sign (time faked in the page)', async ({ page, harness }) => {
  test.setTimeout(60_000);
  await page.clock.install();
  const { signer } = await deskOn(page, harness, sandbox(), sandbox().url, 5000);
  await page.clock.pauseAt(Date.now() + 200);
  await signer.getByRole('button', { name: 'Sign', exact: true }).click();
  const pill = page.locator('.countdown');
  const bar = page.locator('.countdown-bar');
  const colours: string[] = [];

  await expect(pill).toHaveAttribute('data-stage', 'fresh');
  await expect(page.getByLabel('Validity')).toHaveText(/^Valid for \d\.\d s$/);
  colours.push(await bar.evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor ?? ''));
  await saveScreenshot(page, 'countdown-green');

  await page.clock.runFor(3000);
  await expect(pill).toHaveAttribute('data-stage', 'ageing');
  colours.push(await bar.evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor ?? ''));
  await saveScreenshot(page, 'countdown-amber');

  await page.clock.runFor(1200);
  await expect(pill).toHaveAttribute('data-stage', 'expiring');
  colours.push(await bar.evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor ?? ''));
  await saveScreenshot(page, 'countdown-red');
  expect(new Set(colours).size).toBe(3);

  await page.clock.runFor(1500);
  await expect(pill).toHaveAttribute('data-stage', 'stale');
  await expect(page.getByLabel('Validity')).toHaveText('Stale: the exchange would refuse this command now.');
  // axe waits on timers of its own: time flows again from here, from the real time, as main's clock does.
  await page.clock.resume();
  await page.clock.setSystemTime(Date.now());
  await expectNoSeriousAxeViolations(page);
  const before = await page.getByLabel('Signed command').innerText();
  await pill.getByRole('button', { name: 'Sign again' }).click();
  await expect(page.getByLabel('Signed command')).not.toHaveText(before);
  await expect(pill).toHaveAttribute('data-stage', 'fresh');
});

test('a non-GET Send asks first, in words naming the order; Cancel sends nothing; the question can be turned off per account', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const { signer } = await deskOn(page, harness, sandbox());
  await expect(signer.getByRole('button', { name: 'Send' })).toHaveAccessibleDescription(`to ${new URL(sandbox().url).host}`);
  await fillOrder(page);

  await signer.getByRole('button', { name: 'Send' }).click();
  const question = page.getByRole('alertdialog', { name: 'Send this request?' });
  await expect(question).toContainText('Place a limit buy of 0.01 BTC at 9000 on Sandbox?');
  await expect(question.getByRole('button', { name: "Don't send" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'send-confirmation');
  await question.getByRole('button', { name: "Don't send" }).click();
  await expect(question).toHaveCount(0);
  expect(await openOrders(harness, page)).toEqual([]);

  // Ctrl+Enter asks the same; Yes places the order.
  await signer.getByLabel('JSON body').focus();
  await page.keyboard.press('Control+Enter');
  await expect(question).toContainText('Place a limit buy of 0.01 BTC at 9000 on Sandbox?');
  await question.getByRole('button', { name: 'Yes, send it' }).click();
  await expect(page.getByRole('region', { name: 'Answer' }).getByRole('status')).toHaveText(/^Status 201 in \d+ ms$/);
  expect(await openOrders(harness, page)).toHaveLength(1);

  // Turned off for this account: the next Send goes at once.
  await signer.getByRole('button', { name: 'Send' }).click();
  await question.getByLabel("Don't ask again for Sandbox").check();
  await question.getByRole('button', { name: 'Yes, send it' }).click();
  await expect.poll(async () => (await openOrders(harness, page)).length).toBe(2);
  await signer.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await openOrders(harness, page)).length).toBe(3);
  await expect(question).toHaveCount(0);
});

test('an order whose answer is lost says "outcome unknown", and it did reach the exchange; a GET failing so is a plain failure', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const dropping = await faultyFront(Number(new URL(sandbox().url).port), 'drop');
  try {
    const { signer, seeded } = await deskOn(page, harness, sandbox(), dropping.url);
    await fillOrder(page);
    await signer.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, send it' }).click();
    const alert = signer.getByRole('alert');
    await expect(alert).toContainText('Outcome unknown: check open orders before retrying.');
    await expect(alert).toContainText('The POST may have reached');
    await expectNoSeriousAxeViolations(page);

    // It was placed: the exchange itself lists it.
    const listed = await runShell(
      'sh',
      'curl -sS -H "X-Auth-Apikey: $KID" -H "X-Auth-Nonce: $NONCE" -H "X-Auth-Signature: $SIG" "$URL/api/v2/peatio/market/orders"',
      await signedEnv(harness, seeded.kid, sandbox().url),
    );
    expect((JSON.parse(listed.stdout) as unknown[]).filter(isOurOrder)).toHaveLength(1);

    // A GET that fails the same way is a plain failure, not an unknown outcome.
    await signer.getByLabel('Endpoint').selectOption('balances');
    await signer.getByRole('button', { name: 'Send' }).click();
    await expect(alert).not.toHaveText('');
    await expect(alert).not.toContainText('Outcome unknown');
  } finally {
    await dropping.close();
  }
});

test('a 429 from the exchange says when to retry', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const limiting = await faultyFront(Number(new URL(sandbox().url).port), 'limit');
  try {
    const { signer } = await deskOn(page, harness, sandbox(), limiting.url);
    await signer.getByRole('button', { name: 'Send' }).click();
    await expect(signer.getByRole('alert')).toHaveText('The exchange limits how often a key may call, and this key called too often (429). Retry in 7 s.');
  } finally {
    await limiting.close();
  }
});

test('path placeholders are fields; one argument per line runs in bash; Recent sends again', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const { signer } = await deskOn(page, harness, sandbox());
  await signer.getByLabel('Endpoint').selectOption('balance');
  await signer.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(signer.getByRole('alert')).toHaveText('Fill in currency: the path needs it.');
  await signer.getByLabel('currency', { exact: true }).fill('btc');
  await signer.getByLabel('Format').selectOption('curl');
  await signer.getByLabel('One argument per line').check();
  await signer.getByRole('button', { name: 'Sign', exact: true }).click();

  const text = await page.getByLabel('Signed command').innerText();
  const lines = text.split('\n');
  expect(lines.length).toBeGreaterThan(3);
  expect(lines.slice(0, -1).every((line) => line.endsWith(' \\'))).toBe(true);
  const run = await bash(text);
  expect(run.code, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ currency: 'btc' });

  const recent = page.getByRole('region', { name: 'Recent' });
  const path = '/api/v2/peatio/account/balances/btc';
  await expect(recent).toContainText(path);
  await recent.getByRole('button', { name: `Send again: GET ${path}` }).click();
  await expect(page.getByRole('region', { name: 'Answer' }).getByRole('status')).toHaveText(/^Status 200 in \d+ ms$/);
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(answer.getByLabel('Answer body')).toContainText('"currency": "btc"');
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'signer-answer');

  // Copy answer puts the answer's text on the clipboard (the page's own: the answer is not a secret).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await answer.getByRole('button', { name: 'Copy answer' }).click();
  await expect(page.getByText('Answer copied.')).toBeVisible();
  expect(JSON.parse(await page.evaluate<string>('navigator.clipboard.readText()'))).toMatchObject({ currency: 'btc' });

  // Copy reads "Copied ✓" for a moment; no word of the command is broken across lines.
  await signer.getByLabel('One argument per line').uncheck();
  await signer.getByRole('button', { name: 'Copy' }).click();
  await expect(signer.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  await expect(signer.getByRole('button', { name: 'Copy', exact: true })).toBeVisible({ timeout: 5000 });
  const brokenWords = await page
    .getByLabel('Signed command')
    .locator('.command-word')
    .evaluateAll((words) => words.filter((word) => word.getClientRects().length > 1).map((word) => word.textContent));
  expect(brokenWords).toEqual([]);
});

test('first run fits the smallest window with its button above the fold; the desk in the dark theme', async ({ page, harness }) => {
  test.setTimeout(60_000);
  await page.goto(harness.url);
  const create = page.getByRole('button', { name: 'Create the vault' });
  const box = await create.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.y ?? 1e9) + (box?.height ?? 0)).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);
  await saveScreenshot(page, 'first-run');

  await page.emulateMedia({ colorScheme: 'dark' });
  await deskOnFresh(page, harness);
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 20, 24)');
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'desk-dark');
});

/** The desk after first run in this page: deskOn, for a page already at the harness. */
async function deskOnFresh(page: Page, harness: Harness) {
  await deskOn(page, harness, sandbox());
  await page.getByRole('form', { name: 'Signer' }).getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByLabel('Signed command')).toBeVisible();
}

async function firstAccountId(harness: Harness): Promise<string> {
  const listed = await harness.backend.channels['accounts.list'](undefined);
  if (!listed.ok || !listed.value[0]) throw new Error('No account.');
  return listed.value[0].id;
}

/** Headers for one request signed by the vault (through its page door), as environment variables for a shell. */
async function signedEnv(harness: Harness, kid: string, url: string): Promise<NodeJS.ProcessEnv> {
  const keys = await harness.backend.channels['keys.list']({ accountId: await firstAccountId(harness) });
  if (!keys.ok) throw new Error('No keys.');
  const key = keys.value.find((each) => each.kid === kid);
  if (!key) throw new Error('The key is not in the vault.');
  const rendered = await harness.backend.channels['signer.render']({
    keyId: key.id,
    format: 'curl',
    request: { method: 'GET', path: '/api/v2/peatio/market/orders' },
  });
  if (!rendered.ok) throw new Error('Signing failed.');
  const header = (name: string) => new RegExp(`${name}: ([^']+)'`).exec(rendered.value.text)?.[1] ?? '';
  return { PATH: process.env.PATH ?? '', KID: kid, NONCE: header('X-Auth-Nonce'), SIG: header('X-Auth-Signature'), URL: url };
}

test('the key picker starts on the last key used on the account, and Ctrl+Shift+C copies', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const { signer } = await deskOn(page, harness, sandbox());
  const second = sandbox().apiKeys[1];
  if (!second) throw new Error('The sandbox has one seeded key only.');
  await importKeyInPage(page, second.kid, second.secret);
  await openAccountTab(page, 'Sign');
  const picker = signer.getByLabel('Key');
  const secondId = await picker.locator('option', { hasText: second.kid }).getAttribute('value');
  await picker.selectOption(secondId ?? '');
  await signer.getByLabel('Path').focus();
  await page.keyboard.press('Control+Shift+C');
  await expect(copyStatus(page)).toContainText('Copied');
  expect(harness.clipboard.state.text).toContain(second.kid);

  // Back to the account later: the signer starts on the key used last, not the first one.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Audit log' }).click();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('list', { name: 'Accounts' }).getByRole('button', { name: 'Sandbox', exact: true }).click();
  await expect(picker.locator('option:checked')).toContainText(second.kid);
});
