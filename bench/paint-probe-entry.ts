// Runs in the page, injected before the app: times one keystroke in a search box (the accounts'
// or the palette's) to the paint of the list it filters.
import { PAINT_PROBE, PROBED_LISTS, sameList } from './paint-probe-names';
import type { ListSignature, PaintProbe, ProbedList } from './paint-probe-names';

// The root tsconfig has no DOM library (nothing else outside renderer/ runs in a page): the few
// browser parts used here, typed by hand.
interface ListItem {
  querySelector(selector: string): { textContent: string | null } | null;
}
interface PageGlobals {
  document: { body: object; querySelectorAll(selector: string): ArrayLike<ListItem> };
  MutationObserver: new (callback: () => void) => {
    observe(target: object, options: { childList: true; subtree: true; characterData: true }): void;
    disconnect(): void;
  };
  requestAnimationFrame(callback: () => void): number;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(message: null): void } };
  addEventListener(type: 'keydown', listener: (event: { timeStamp: number }) => void, options: { capture: true; once: true }): void;
}

const page = globalThis as unknown as PageGlobals & Record<string, unknown>;
const SETTLE_TIMEOUT_MS = 10_000;

function shownList(list: ProbedList): ListSignature {
  const { rows, name: nameIn } = PROBED_LISTS[list];
  const items = Array.from(page.document.querySelectorAll(rows));
  const name = (item: ListItem | undefined) => item?.querySelector(nameIn)?.textContent ?? null;
  return { count: items.length, first: name(items[0]), last: name(items[items.length - 1]) };
}

/**
 * The end mark is taken in a task posted from a requestAnimationFrame callback that runs once the
 * list is in the DOM: rAF callbacks run just before the frame's style, layout and paint, and a
 * posted message runs after them, so it marks the frame that shows the list as painted (on the
 * main thread; compositing follows on another). A second rAF would add a whole frame; the Event
 * Timing API ends at the first paint after the keydown's own handlers, which shows the typed
 * character and need not show the list.
 */
function timeNextKeystroke(expected: ListSignature, list: ProbedList): Promise<number> {
  return new Promise((resolve, reject) => {
    let keydownAt = Number.NaN;
    page.addEventListener('keydown', (event) => (keydownAt = event.timeStamp), { capture: true, once: true });
    const observer = new page.MutationObserver(() => {
      if (Number.isNaN(keydownAt) || !sameList(shownList(list), expected)) return;
      observer.disconnect();
      clearTimeout(timeout);
      page.requestAnimationFrame(() => {
        const afterPaint = new page.MessageChannel();
        afterPaint.port1.onmessage = () => {
          afterPaint.port1.close();
          resolve(performance.now() - keydownAt);
        };
        afterPaint.port2.postMessage(null);
      });
    });
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`The ${list} list never showed ${JSON.stringify(expected)}; it shows ${JSON.stringify(shownList(list))}.`));
    }, SETTLE_TIMEOUT_MS);
    observer.observe(page.document.body, { childList: true, subtree: true, characterData: true });
  });
}

let pending: Promise<number> | null = null;

const probe: PaintProbe = {
  arm: (expected, list) => {
    pending = timeNextKeystroke(expected, list);
    // Read by settled(); until then a timeout must not surface as an unhandled rejection.
    pending.catch(() => undefined);
  },
  settled: () => pending ?? Promise.reject(new Error('The probe was not armed.')),
  shows: (expected, list) => sameList(shownList(list), expected),
};
Object.defineProperty(page, PAINT_PROBE, { value: probe });
