import type { Page } from '@playwright/test';
import { peatioPaths } from '../../app/barong/paths';
import { connectAgent } from '../../cli/agent-client';
import type { Harness } from '../harness/fixtures';
import { expect, test } from '../harness/fixtures';
import { runProcess } from '../support/run-process';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { seededSandboxForEachTest } from './seeded-sandbox';
import { addSandboxAccount, createVaultInPage, importKeyInPage, PASSPHRASE } from './ui-steps';

const sandbox = seededSandboxForEachTest();

/** The real curl through the proxy: the HTTP status, and the body as JSON. */
async function curl(url: string): Promise<{ code: number; status: number; body: unknown }> {
  const run = await runProcess('curl', ['--silent', '--write-out', '\n%{http_code}', url]);
  const cut = run.stdout.lastIndexOf('\n');
  const text = run.stdout.slice(0, cut);
  return { code: run.code ?? -1, status: Number(run.stdout.slice(cut + 1)), body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

async function agentStatus(harness: Harness) {
  const result = await harness.backend.channels['agent.status'](undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
}

test('a key set to Trade signs through a proxy: curl reads the balances through the address shown, and it stops', async ({ page, harness }) => {
  // A vault, an account, a key, two privileged changes and an axe scan.
  test.slow();
  const seeded = sandbox().apiKeys[0];
  if (!seeded) throw new Error('The sandbox has no seeded key.');
  await createVaultInPage(page, harness.url);
  await addSandboxAccount(page, sandbox().url);
  await importKeyInPage(page, seeded.kid, seeded.secret);
  const row = page.getByRole('table', { name: 'Keys' }).getByRole('row', { name: new RegExp(seeded.kid) });
  await expect(row).toContainText('Off');

  await row.getByRole('button', { name: `Change what programs may sign with ${seeded.kid}` }).click();
  const policy = page.getByRole('form', { name: `What programs may sign with ${seeded.kid}` });
  await policy.getByLabel('Trade', { exact: true }).check();
  await policy.getByRole('button', { name: 'Save' }).click();
  await expect(policy.getByRole('alert')).toHaveText(/^Enter the vault passphrase to confirm: let local programs sign with key/);
  await policy.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await policy.getByRole('button', { name: 'Save' }).click();
  await expect(policy.getByRole('status')).toHaveText('Saved: programs may trade.');
  await expect(row).toContainText('Trade, up to 6000 requests per 300 s');

  const start = page.getByRole('form', { name: `Start a signing proxy for ${seeded.kid}` });
  await start.getByRole('button', { name: 'Start proxy' }).click();
  await expect(page.getByRole('group', { name: 'Signing proxy' }).getByRole('alert')).toHaveText(
    /^Enter the vault passphrase to confirm: start a signing proxy/,
  );
  expect((await agentStatus(harness)).proxies).toEqual([]);
  await start.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await start.getByRole('button', { name: 'Start proxy' }).click();
  const address = page.getByLabel('Proxy address');
  await expect(address).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/t\//);
  await expect(row).toContainText('proxy running');
  await expectNoSeriousAxeViolations(page);

  const url = await address.inputValue();
  const balances = await curl(`${url}${peatioPaths.balances}`);
  expect(balances).toMatchObject({ code: 0, status: 200 });
  expect(Array.isArray(balances.body)).toBe(true);

  await page.getByRole('button', { name: 'Copy address' }).click();
  await expect(page.getByRole('group', { name: 'Signing proxy' }).getByRole('status')).toHaveText(/^Copied; clears from the clipboard in \d+ s\.$/);
  expect(harness.clipboard.state).toEqual({ text: url, secret: true });

  await page.getByRole('button', { name: 'Stop proxy' }).click();
  await expect(page.getByRole('group', { name: 'Signing proxy' }).getByRole('status')).toHaveText('The proxy stopped: its address no longer works.');
  await expect(address).toHaveCount(0);
  // Nothing listens there any more: curl cannot connect (exit 7).
  expect((await curl(`${url}${peatioPaths.balances}`)).code).toBe(7);
});

test('the signing agent turns on with the vault passphrase only, lists a program live, and turns off', async ({ page, harness }) => {
  await createVaultInPage(page, harness.url);
  await openSettings(page);
  const section = page.getByRole('region', { name: 'Signing agent' });
  const toggle = section.getByRole('switch', { name: 'Signing agent: off' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(section).toContainText('Off: no program can ask the vault for a signature.');

  await toggle.click();
  const turnOn = section.getByRole('form', { name: 'Turn on the signing agent' });
  await expect(turnOn.getByLabel('Vault passphrase')).toBeFocused();
  await turnOn.getByRole('button', { name: 'Turn on' }).click();
  await expect(section.getByRole('alert')).toHaveText(/^Enter the vault passphrase to confirm: turn on the signing agent/);
  expect(await agentStatus(harness)).toMatchObject({ enabled: false, running: false });

  await turnOn.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await turnOn.getByRole('button', { name: 'Turn on' }).click();
  const on = section.getByRole('switch', { name: 'Signing agent: on' });
  await expect(on).toHaveAttribute('aria-checked', 'true');
  await expect(on).toBeFocused();
  const { socket, tokenFile } = await agentStatus(harness);
  await expect(section.getByLabel("For a program's environment")).toHaveText(`BARONG_AGENT=${socket}\nBARONG_AGENT_TOKEN_FILE=${tokenFile}`);
  await expect(section).toContainText('No program is connected.');

  // A program, this test process, connects with the token and appears without a reload.
  const program = await connectAgent({ socket, tokenFile }, 'grid-bot');
  const clients = section.getByRole('list', { name: 'Connected programs' });
  await expect(clients.getByRole('listitem')).toHaveText([/^grid-bot, connected since /]);
  expect((await program.status()).locked).toBe(false);
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await expectNoSeriousAxeViolations(page);
  await saveScreenshot(page, 'agent-settings');

  program.close();
  await expect(section).toContainText('No program is connected.');
  await on.click();
  await expect(section.getByRole('switch', { name: 'Signing agent: off' })).toHaveAttribute('aria-checked', 'false');
  await expect(connectAgent({ socket, tokenFile }, 'grid-bot')).rejects.toThrow(/No signing agent/);
});
