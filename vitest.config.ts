import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,main,renderer,cli,sandbox,test}/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/fixtures/**'],
    globalSetup: ['test/support/build-cli-setup.ts'],
    // Some suites spawn real curl, http and node processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
