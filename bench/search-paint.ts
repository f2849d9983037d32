import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { Backend } from '../main/services/create-backend';
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
  /** The median time of a bare vault.search call from the page, with no keystroke and no paint. */
  apiRoundTripMs: number;
}

/** One measured keystroke: the box holds `before`, shows `shownBefore`; typing `key` must show `expected`. */
interface Keystroke {
  before: string;
  key: string;
  shownBefore: ListSignature;
  expected: ListSignature;
}

type ProbeWindow = Record<string, PaintProbe>;

/** What AccountsView shows for `text`: every account for an empty box, else those vault.search finds by account or by key, in list order. */
async function listFor(backend: Backend, names: ReadonlyMap<string, string>, text: string): Promise<ListSignature> {
  let shown = [...names.keys()];
  if (text.trim() !== '') {
    const found = await backend.channels['vault.search']({ text: text.trim() });
    if (!found.ok) throw new Error(`vault.search failed: ${found.error.code}`);
    const ids = new Set(found.value.accountIds);
    shown = shown.filter((id) => ids.has(id));
  }
  return { count: shown.length, first: names.get(shown[0] ?? '') ?? null, last: names.get(shown[shown.length - 1] ?? '') ?? null };
}

/**
 * Queries typed one character at a time: account names, key labels and kid prefixes. Only the
 * keystrokes that change the list are measured: one that leaves it as it was paints nothing new.
 */
async function planKeystrokes(backend: Backend, names: ReadonlyMap<string, string>, kids: string[]): Promise<Keystroke[]> {
  const queries = ['Meridian 1', 'hedge 13', 'Raven 7', 'quartz', (kids[1234] as string).slice(0, 5), 'Onyx 2', 'grid 4', (kids[4321] as string).slice(0, 4), 'Cobalt 11', 'taker 4', 'Zephyr 19', 'arb 250-', 'Summit'];
  const plan: Keystroke[] = [];
  for (const query of queries) {
    let shownBefore = await listFor(backend, names, '');
    for (let typed = 1; typed <= query.length && plan.length < KEYSTROKES; typed += 1) {
      const expected = await listFor(backend, names, query.slice(0, typed));
      if (!sameList(expected, shownBefore)) plan.push({ before: query.slice(0, typed - 1), key: query.charAt(typed - 1), shownBefore, expected });
      shownBefore = expected;
    }
  }
  if (plan.length < KEYSTROKES) throw new Error(`Only ${plan.length} of the queries' keystrokes change the list.`);
  return plan;
}

const waitUntilShown = (page: Page, list: ListSignature) => page.waitForFunction(([probe, shown]) => (globalThis as unknown as ProbeWindow)[probe]?.shows(shown) ?? false, [PAINT_PROBE, list] as const);

async function timeKeystroke(page: Page, step: Keystroke): Promise<number> {
  await page.getByLabel('Search accounts and keys').fill(step.before);
  await waitUntilShown(page, step.shownBefore);
  await page.evaluate(([probe, expected]) => (globalThis as unknown as ProbeWindow)[probe]?.arm(expected), [PAINT_PROBE, step.expected] as const);
  // The key goes down alone and comes up once the list is painted: Playwright's protocol messages
  // for the key-up would otherwise share the pipe with the API calls the keystroke makes.
  await page.keyboard.down(step.key);
  const ms = await page.evaluate((probe) => (globalThis as unknown as ProbeWindow)[probe]?.settled(), PAINT_PROBE);
  await page.keyboard.up(step.key);
  if (ms === undefined) throw new Error('The paint probe is missing from the page.');
  return ms;
}

/**
 * The same searches called from the page with nothing else going on: the share of a keystroke
 * spent on the harness's way to the backend (a Playwright binding, then HTTP), where the app has
 * Electron's IPC.
 */
async function timeSearchCalls(page: Page, plan: Keystroke[]): Promise<number[]> {
  const texts = plan.map((step) => (step.before + step.key).trim());
  const times = await page.evaluate(async (queries) => {
    const api = (globalThis as unknown as { api: { vault: { search(input: { text: string }): Promise<unknown> } } }).api;
    const elapsed: number[] = [];
    for (const text of queries) {
      const started = performance.now();
      await api.vault.search({ text });
      elapsed.push(performance.now() - started);
    }
    return elapsed;
  }, texts);
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], share: number) => sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;

/**
 * In the browser harness (the real backend and renderer, Chromium), with 10,000 keys: the time
 * from a keydown in the accounts and keys search box to the paint of the list it filters.
 */
export async function benchSearchPaint(log: (line: string) => void, rendererDir = resolve(RENDERER_DIR)): Promise<SearchPaintFigures> {
  const { backend, channels, dispose } = startHarnessBackend('gnome_libsecret');
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const server = await startHarnessServer({ rendererDir, channels });
  try {
    log(`  (filling the harness vault with ${SEEDED_ACCOUNTS * KEYS_PER_ACCOUNT} keys across ${SEEDED_ACCOUNTS} accounts...)`);
    const kids = await seedHarnessVault(backend);
    const page = await browser.newPage({ viewport: PAGE_VIEWPORT });
    await wirePage(page, backend, server);
    await page.addInitScript({ content: await pageScript(PROBE_ENTRY) });
    await page.goto(`${server.origin}/`);
    await page.getByLabel('Passphrase').fill(SEED_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByLabel('Search accounts and keys').waitFor();

    const accounts = await backend.channels['accounts.list'](undefined);
    if (!accounts.ok) throw new Error(`accounts.list failed: ${accounts.error.code}`);
    const names = new Map(accounts.value.map((account) => [account.id, account.name]));
    const plan = await planKeystrokes(backend, names, kids);
    await waitUntilShown(page, await listFor(backend, names, ''));

    const times: number[] = [];
    for (const step of plan) times.push(await timeKeystroke(page, step));
    times.sort((a, b) => a - b);
    const roundTrips = await timeSearchCalls(page, plan);
    return {
      keys: kids.length,
      accounts: names.size,
      keystrokes: times.length,
      medianMs: percentile(times, 0.5),
      p90Ms: percentile(times, 0.9),
      apiRoundTripMs: percentile(roundTrips, 0.5),
    };
  } finally {
    await browser.close();
    await server.close();
    dispose();
  }
}
