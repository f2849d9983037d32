import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import type { Api } from '../../app/contract/api';
import { ROOT, buildMain } from '../../scripts/build-main.mjs';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary(ROOT);
const SKIP_REASON = 'Electron binary not installed: it is downloaded from the internet on first run; run this where `npx electron --version` works';
// The list reporter shows a skip without its reason; say it where the run's output shows it.
if (binary === null) console.log(`Electron smoke test skipped. ${SKIP_REASON}`);
const PASSPHRASE = 'correct horse battery staple';
const KID = '0123456789abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

test.describe('the Electron app', () => {
  test.skip(binary === null, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    // The renderer is built by `npm run build:renderer` (part of npm test before Playwright); main and preload here.
    await buildMain();
    userData = mkdtempSync(join(tmpdir(), 'barong-vault-smoke-'));
    app = await electron.launch({ ...(binary === null ? {} : { executablePath: binary }), args: ['.', `--user-data-dir=${userData}`], cwd: ROOT });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window on the app origin, with window.api and no Node', async () => {
    expect(page.url()).toBe('app://barong-vault/index.html');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(
      await page.evaluate(() => [
        typeof (globalThis as unknown as { api: Api }).api.vault.unlock,
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['function', 'undefined', 'undefined']);
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
  });

  test('creates the vault, locks, unlocks and signs through the bridge', async () => {
    const signed = await page.evaluate(
      async ({ passphrase, kid, secret }) => {
        // Runs in the page: window.api as the preload exposes it (no DOM library in this project's types).
        const api = (globalThis as unknown as { api: Api }).api;
        const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
          if (!result.ok) throw new Error(result.error.code);
          return result.value;
        };
        value(await api.vault.create({ passphrase, keychain: false }));
        value(await api.vault.lock());
        const status = value(await api.vault.unlock({ passphrase }));
        const account = value(await api.accounts.create({ name: 'Smoke', baseUrl: 'https://exchange.example' }));
        const { key } = value(await api.keys.import({ accountId: account.id, kid, secret }));
        const command = value(await api.signer.render({ keyId: key.id, format: 'curl', request: { method: 'GET', path: '/api/v2/peatio/account/balances' } }));
        return { unlocked: status.unlocked, text: command.text };
      },
      { passphrase: PASSPHRASE, kid: KID, secret: SECRET },
    );
    expect(signed.unlocked).toBe(true);
    expect(signed.text).toContain(KID);
    expect(signed.text).not.toContain(SECRET);
  });
});
