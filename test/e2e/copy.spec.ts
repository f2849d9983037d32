import type { Api } from '../../app/contract/api';
import { expect, test } from '../harness/fixtures';
import { seededSandboxForEachTest } from './seeded-sandbox';
import { runShell } from '../support/run-shell';
import { expectNoSeriousAxeViolations } from './accessibility';
import { saveScreenshot } from './screenshots';
import { copyStatus, signerOnSandbox } from './ui-steps';

// Only what a trader's shell would have.
const bash = (script: string) => runShell('bash', script, { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' });
const nonceOf = (text: string) => /X-Auth-Nonce\D*(\d{10,})/.exec(text)?.[1];
const STALE = 'Stale: the exchange would refuse this command now.';

const sandbox = seededSandboxForEachTest();

test('copies httpie and curl commands that run from the clipboard, goes stale, and copies again in one click', async ({ page, harness }) => {
  // Two real programs run, and the command is left to go stale.
  test.slow();
  const signer = await signerOnSandbox(page, harness.url, sandbox());
  await signer.getByLabel('Endpoint').selectOption('balances');
  const command = page.getByLabel('Signed command');
  const validity = page.getByLabel('Validity');

  for (const [format, program] of [
    ['httpie', 'http'],
    ['curl', 'curl'],
  ] as const) {
    await signer.getByLabel('Format').selectOption(format);
    await signer.getByRole('button', { name: 'Copy', exact: true }).click();
    // The account's 1 s nonce lifetime ends before the 20 s delay: the command goes when it expires.
    await expect(copyStatus(page)).toHaveText('Copied; clears from the clipboard in 1 s.');
    // Read at once (a copy of the state, which changes in place): the clear is due within the second.
    const copied = { ...harness.clipboard.state };
    await expect(validity).toHaveText(/^Valid for \d+\.\d s$/);

    // What main put on the clipboard is what the panel shows, and it runs with the real program.
    expect(copied.secret).toBe(true);
    expect(copied.text.trim()).toBe((await command.innerText()).trim());
    expect(copied.text.trimStart().startsWith(`${program} `)).toBe(true);
    const run = await bash(copied.text);
    expect(run.code, run.stderr).toBe(0);
    const balances = JSON.parse(run.stdout) as Array<{ currency: string }>;
    expect(Array.isArray(balances), run.stdout).toBe(true);
    expect(balances[0]).toHaveProperty('currency');
    if (format === 'httpie') {
      await validity.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'signer-copied');
      await expectNoSeriousAxeViolations(page);
    }
  }

  // Past the account's 1 s lifetime: stale and greyed; one click signs and copies a new one.
  await expect(validity).toHaveText(STALE, { timeout: 3000 });
  await expect(page.locator('.countdown')).toHaveAttribute('data-stage', 'stale');
  // Main cleared the expired command from the clipboard; the panel still shows it, greyed.
  expect(harness.clipboard.state.text).toBe('');
  const staleNonce = nonceOf(await command.innerText());
  expect(staleNonce).toBeDefined();
  await page.getByRole('button', { name: 'Sign and copy again' }).click();
  await expect(copyStatus(page)).toHaveText('Copied; clears from the clipboard in 1 s.');
  const fresh = harness.clipboard.state.text;
  const freshNonce = nonceOf(fresh);
  expect(freshNonce).toBeDefined();
  expect(freshNonce).not.toBe(staleNonce);
  expect(fresh.trim()).toBe((await command.innerText()).trim());

  // Copies are audited as copies, never with the command itself.
  const audit = await harness.backend.channels['audit.list']({});
  if (!audit.ok) throw new Error('No audit log.');
  expect(audit.value.filter((entry) => entry.action === 'copy')).toHaveLength(3);
  expect(JSON.stringify(audit.value)).not.toContain(fresh.trim());
});

test('the clipboard is cleared after the configured delay, and the script is copied to stay', async ({ page, harness }) => {
  const signer = await signerOnSandbox(page, harness.url, sandbox());
  // Through the page's window.api, the door the Settings view uses, so the app sees the change.
  const updated = await page.evaluate(() => (globalThis as unknown as { api: Api }).api.settings.update({ clipboardClearSeconds: 1 }));
  expect(updated).toMatchObject({ ok: true, value: { clipboardClearSeconds: 1 } });

  await signer.getByLabel('Format').selectOption('curl');
  await signer.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(copyStatus(page)).toHaveText('Copied; clears from the clipboard in 1 s.');
  expect(harness.clipboard.state.text).toContain('X-Auth-Signature');
  await expect.poll(() => harness.clipboard.state.text, { timeout: 3000 }).toBe('');

  // The script signs when it runs: nothing on it expires, so it is not cleared.
  await signer.getByLabel('Format').selectOption('script');
  await signer.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(copyStatus(page)).toHaveText('Copied. The script holds no signature, so it stays on the clipboard.');
  expect(harness.clipboard.state).toEqual({ text: expect.stringContaining('BARONG_SECRET'), secret: false });
});
