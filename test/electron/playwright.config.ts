import { defineConfig } from '@playwright/test';

// The Electron smoke test: apart from the Chromium e2e suite, which needs no Electron binary.
export default defineConfig({
  testDir: '.',
  testMatch: '*.smoke.spec.ts',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
});
