/** Where the paint probe lives in the page. */
export const PAINT_PROBE = '__barongPaintProbe';

/** What the accounts list shows, told apart cheaply: how many, the first and the last name. */
export interface ListSignature {
  count: number;
  first: string | null;
  last: string | null;
}

export interface PaintProbe {
  /** Waits for the next keydown; settled() then answers the ms from it to the paint of `expected`. */
  arm(expected: ListSignature): void;
  settled(): Promise<number>;
  shows(expected: ListSignature): boolean;
}

export const sameList = (a: ListSignature, b: ListSignature): boolean => a.count === b.count && a.first === b.first && a.last === b.last;
