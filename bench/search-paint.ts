import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { deskOrder } from '../renderer/src/store/account-order';
import { accountFilter } from '../renderer/src/store/account-search';
import { paletteSearch } from '../renderer/src/store/palette-search';
import type { AccountFilter, SearchableAccount } from '../renderer/src/store/account-search';
import { CHROMIUM_LAUNCH, PAGE_VIEWPORT } from '../test/harness/chromium-launch';
import { startHarnessBackend } from '../test/harness/harness-backend';
import { startHarnessServer } from '../test/harness/harness-server';
import { pageScript } from '../test/harness/page-api-script';
import { wirePage } from '../test/harness/wire-page';
import { PAINT_PROBE, sameList } from './paint-probe-names';
import type { Keystroke, ListSignature, PaintProbe, ProbedList } from './paint-probe-names';
import { paletteListFor, planPaletteKeystrokes } from './palette-plan';
import { RENDERER_DIR } from './renderer-size';
import { KEYS_PER_ACCOUNT, SEED_PASSPHRASE, SEEDED_ACCOUNTS, seedHarnessVault } from './seed-harness-vault';

export const SEARCH_PAINT_TARGET_MS = 16;
export const PALETTE_PAINT_TARGET_MS = 16;
const KEYSTROKES = 30;
const PROBE_ENTRY = fileURLToPath(new URL('./paint-probe-entry.ts', import.meta.url));

export interface PaintFigures {
  keystrokes: number;
  medianMs: number;
  p90Ms: number;
}

export interface SearchPaintFigures extends PaintFigures {
  keys: number;
  accounts: number;
  /** The same vault and page, in the command palette (Ctrl+K). */
  palette: PaintFigures;
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

const waitUntilShown = (page: Page, shown: ListSignature, list: ProbedList) =>
  page.waitForFunction(([probe, expected, which]) => (globalThis as unknown as ProbeWindow)[probe]?.shows(expected, which) ?? false, [
    PAINT_PROBE,
    shown,
    list,
  ] as const);

/** One keystroke in `box`, timed from its keydown to the paint of `list` showing what it should. */
async function timeKeystroke(page: Page, box: Locator, list: ProbedList, step: Keystroke): Promise<number> {
  await box.fill(step.before);
  await waitUntilShown(page, step.shownBefore, list);
  await page.evaluate(([probe, expected, which]) => (globalThis as unknown as ProbeWindow)[probe]?.arm(expected, which), [
    PAINT_PROBE,
    step.expected,
    list,
  ] as const);
  // The key goes down alone and comes up once the list is painted: the key-up's own work would
  // otherwise land in the frame being measured.
  await page.keyboard.down(step.key);
  const ms = await page.evaluate((probe) => (globalThis as unknown as ProbeWindow)[probe]?.settled(), PAINT_PROBE);
  await page.keyboard.up(step.key);
  if (ms === undefined) throw new Error('The paint probe is missing from the page.');
  return ms;
}

const percentile = (sorted: number[], share: number) => sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;

async function timeKeystrokes(page: Page, box: Locator, list: ProbedList, plan: Keystroke[]): Promise<PaintFigures> {
  const times: number[] = [];
  for (const step of plan) times.push(await timeKeystroke(page, box, list, step));
  times.sort((a, b) => a - b);
  return { keystrokes: times.length, medianMs: percentile(times, 0.5), p90Ms: percentile(times, 0.9) };
}

/**
 * In the browser harness (the real backend and renderer, Chromium), with 10,000 keys: the time
 * from a keydown in the accounts and keys search box to the paint of the list it filters; then,
 * in the same page, from a keydown in the command palette (Ctrl+K) to the paint of its results.
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
    const searchBox = page.getByLabel('Search accounts and keys');
    await searchBox.waitFor();

    const listed = await channels['accounts.list'](undefined);
    if (!listed.ok) throw new Error(`accounts.list failed: ${listed.error.code}`);
    // In the page's order: recently used first (none is here), then the vault's.
    const accounts = deskOrder(listed.value, Date.now());
    const find = accountFilter(accounts);
    await waitUntilShown(page, listFor(find, ''), 'accounts');
    const search = await timeKeystrokes(page, searchBox, 'accounts', planKeystrokes(find, kids));

    await searchBox.fill('');
    await waitUntilShown(page, listFor(find, ''), 'accounts');
    await page.keyboard.press('Control+k');
    const paletteBox = page.getByRole('dialog', { name: 'Find an account or key' }).getByRole('combobox', { name: 'Account, key label or kid' });
    await paletteBox.waitFor();
    // The pointer rests where the Unlock click left it, over the palette: moved to the corner, as
    // when the palette is opened from the keyboard, so that no row takes the selection on hover.
    await page.mouse.move(0, 0);
    const inPalette = paletteSearch(accounts);
    await waitUntilShown(page, paletteListFor(inPalette, ''), 'palette');
    const palette = await timeKeystrokes(page, paletteBox, 'palette', planPaletteKeystrokes(inPalette, kids));

    return { keys: kids.length, accounts: accounts.length, ...search, palette };
  } finally {
    await browser.close();
    await server.close();
    dispose();
  }
}
