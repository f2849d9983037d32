import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/**
 * A picture of a main screen at the window size the app must fit (1024x700), for review and
 * for docs/screenshots. Kept under test-results, which Playwright clears at the start of a run.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, animations: 'disabled', caret: 'hide' });
}
