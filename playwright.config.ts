import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH, PAGE_VIEWPORT } from './test/harness/chromium-launch';

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 20_000,
  reporter: 'list',
  use: {
    viewport: PAGE_VIEWPORT,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
});
