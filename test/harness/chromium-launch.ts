/** Debian's Chromium, never a downloaded one (TOOLCHAIN.md): this machine has no internet. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/** The window size the end-to-end tests and the benchmarks give the page. */
export const PAGE_VIEWPORT = { width: 1024, height: 700 };
