import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { accountFilter } from '../renderer/src/store/account-search';
import type { AccountFilter, SearchableAccount } from '../renderer/src/store/account-search';
import { CHROMIUM_LAUNCH, PAGE_VIEWPORT } from '../test/harness/chromium-launch';
import { startHarnessBackend } from '../test/harness/harness-backend';
import { startHarnessServer } from '../test/harness/harness-server';
import { pageScript } from '../test/harness/page-api-script';
import { wirePage } from '../test/harness/wire-page';
import { PAINT_PROBE, sameList } from './paint-probe-names';
import type { ListSignature, PaintProbe } from './paint-probe-names';
import { RENDERER_DIR } from './renderer-size';
import { KEYS_PER_ACCOUNT, SEED_PASSPHRASE, SEEDED_ACCOUNTS, seedHarnessVault } from './seed-harness-vault';

export const SEARCH_PAINT_TARGET_MS = 16;
const KEYSTROKES = 30;
const PROBE_ENTRY = fileURLToPath(new URL('./paint-probe-entry.ts', import.meta.url));

export interface SearchPaintFigures {
  keys: number;
  accounts: number;
  keystrokes: number;
  medianMs: number;
  p90Ms: number;
}

/** One measured keystroke: the box holds `before`, shows `shownBefore`; typing `key` must show `expected`. */
interface Keystroke {
  before: string;
  key: string;
  shownBefore: ListSignature;
  expected: ListSignature;
}

type ProbeWindow = Record<string, PaintProbe>;

/** What AccountsView shows for `text`, through the page's own filter. */
function listFor(find: AccountFilter<SearchableAccount>, text: string): ListSignature {
  const shown = find(text);
  return { count: shown.length, first: shown[0]?.name ?? null, last: shown[shown.length - 1]?.name ?? null };
}

/**
 * Queries typed one character at a time: account names, key labels and kid prefixes. Only the
 * keystrokes that change the list are measured: one that leaves it as it was paints nothing new.
 */
function planKeystrokes(find: AccountFilter<SearchableAccount>, kids: string[]): Keystroke[] {
  const queries = [
    'Meridian 1',
    'hedge 13',
    'Raven 7',
    'quartz',
    (kids[1234] as string).slice(0, 5),
    'Onyx 2',
    'grid 4',
    (kids[4321] as string).slice(0, 4),
    'Cobalt 11',
    'taker 4',
    'Zephyr 19',
    'arb 250-',
    'Summit',
  ];
  const plan: Keystroke[] = [];
  for (const query of queries) {
    let shownBefore = listFor(find, '');
    for (let typed = 1; typed <= query.length && plan.length < KEYSTROKES; typed += 1) {
      const expected = listFor(find, query.slice(0, typed));
      if (!sameList(expected, shownBefore)) plan.push({ before: query.slice(0, typed - 1), key: query.charAt(typed - 1), shownBefore, expected });
      shownBefore = expected;
    }
  }
  if (plan.length < KEYSTROKES) throw new Error(`Only ${plan.length} of the queries' keystrokes change the list.`);
  return plan;
}

const waitUntilShown = (page: Page, list: ListSignature) =>
  page.waitForFunction(([probe, shown]) => (globalThis as unknown as ProbeWindow)[probe]?.shows(shown) ?? false, [PAINT_PROBE, list] as const);

async function timeKeystroke(page: Page, step: Keystroke): Promise<number> {
  await page.getByLabel('Search accounts and keys').fill(step.before);
  await waitUntilShown(page, step.shownBefore);
  await page.evaluate(([probe, expected]) => (globalThis as unknown as ProbeWindow)[probe]?.arm(expected), [PAINT_PROBE, step.expected] as const);
  // The key goes down alone and comes up once the list is painted: the key-up's own work would
  // otherwise land in the frame being measured.
  await page.keyboard.down(step.key);
  const ms = await page.evaluate((probe) => (globalThis as unknown as ProbeWindow)[probe]?.settled(), PAINT_PROBE);
  await page.keyboard.up(step.key);
  if (ms === undefined) throw new Error('The paint probe is missing from the page.');
  return ms;
}

const percentile = (sorted: number[], share: number) => sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;

/**
 * In the browser harness (the real backend and renderer, Chromium), with 10,000 keys: the time
 * from a keydown in the accounts and keys search box to the paint of the list it filters.
 */
export async function benchSearchPaint(log: (line: string) => void, rendererDir = resolve(RENDERER_DIR)): Promise<SearchPaintFigures> {
  const { core, channels, dispose } = startHarnessBackend('gnome_libsecret');
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const server = await startHarnessServer({ rendererDir, channels });
  try {
    log(`  (filling the harness vault with ${SEEDED_ACCOUNTS * KEYS_PER_ACCOUNT} keys across ${SEEDED_ACCOUNTS} accounts...)`);
    const kids = await seedHarnessVault(channels);
    const page = await browser.newPage({ viewport: PAGE_VIEWPORT });
    await wirePage(page, core, server);
    await page.addInitScript({ content: await pageScript(PROBE_ENTRY) });
    await page.goto(`${server.origin}/`);
    await page.getByLabel('Passphrase').fill(SEED_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByLabel('Search accounts and keys').waitFor();

    const accounts = await channels['accounts.list'](undefined);
    if (!accounts.ok) throw new Error(`accounts.list failed: ${accounts.error.code}`);
    const find = accountFilter(accounts.value);
    const plan = planKeystrokes(find, kids);
    await waitUntilShown(page, listFor(find, ''));

    const times: number[] = [];
    for (const step of plan) times.push(await timeKeystroke(page, step));
    times.sort((a, b) => a - b);
    return {
      keys: kids.length,
      accounts: accounts.value.length,
      keystrokes: times.length,
      medianMs: percentile(times, 0.5),
      p90Ms: percentile(times, 0.9),
    };
  } finally {
    await browser.close();
    await server.close();
    dispose();
  }
}
