/** Where the paint probe lives in the page. */
export const PAINT_PROBE = '__barongPaintProbe';

/**
 * The lists the probe watches: its rows, and in a row the element whose text names it (an account's
 * name in the accounts list; an account's name, or a key's label, in the palette's results).
 */
export const PROBED_LISTS = {
  accounts: { rows: 'ul[aria-label="Accounts"] > li', name: 'button' },
  palette: { rows: '#palette-results > li', name: '.palette-title' },
} as const;
export type ProbedList = keyof typeof PROBED_LISTS;

/** What a list shows, told apart cheaply: how many rows, the first and the last name. */
export interface ListSignature {
  count: number;
  first: string | null;
  last: string | null;
}

/** One measured keystroke: the box holds `before` and shows `shownBefore`; pressing `key` must show `expected`. */
export interface Keystroke {
  before: string;
  key: string;
  shownBefore: ListSignature;
  expected: ListSignature;
}

export interface PaintProbe {
  /** Waits for the next keydown; settled() then answers the ms from it to the paint of `expected` in `list`. */
  arm(expected: ListSignature, list: ProbedList): void;
  settled(): Promise<number>;
  shows(expected: ListSignature, list: ProbedList): boolean;
}

export const sameList = (a: ListSignature, b: ListSignature): boolean => a.count === b.count && a.first === b.first && a.last === b.last;
