import { expect, test } from '../harness/fixtures';

test('the page has no Node and only the contract as window.api', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  expect(await page.evaluate(() => [typeof require, typeof process, typeof Buffer])).toEqual(['undefined', 'undefined', 'undefined']);
  const api = await page.evaluate(() => {
    const bridge = (globalThis as unknown as { api: Record<string, Record<string, unknown>> }).api;
    return { frozen: Object.isFrozen(bridge), vaultFrozen: Object.isFrozen(bridge['vault']), namespaces: Object.keys(bridge).sort() };
  });
  expect(api.frozen && api.vaultFrozen).toBe(true);
  expect(api.namespaces).toContain('vault');
});

test('the CSP blocks every network request from the page, even to its own server', async ({ page, harness }) => {
  const response = await page.goto(harness.url);
  expect(response?.headers()['content-security-policy']).toContain("connect-src 'none'");
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  const violation = page.waitForEvent('console', (message) => message.text().includes('Content Security Policy'));
  const outcome = await page.evaluate(async (url) => {
    try {
      await fetch(url);
      return 'fetched';
    } catch (error) {
      return `rejected: ${String(error)}`;
    }
  }, `http://127.0.0.1:${harness.port}/`);
  expect(outcome).toMatch(/^rejected/);
  await violation;
});
