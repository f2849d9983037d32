import type { PaletteEntry } from '../renderer/src/store/palette-search';
import { sameList } from './paint-probe-names';
import type { Keystroke, ListSignature } from './paint-probe-names';

export const PALETTE_KEYSTROKES = 50;

/** A row's name, as the palette shows it in `.palette-title`. */
const title = (entry: PaletteEntry | undefined) => (entry === undefined ? null : entry.kind === 'account' ? entry.name : entry.label || entry.kid);

/** What the palette's results show for `text`, through the page's own search. */
export function paletteListFor(search: (text: string) => PaletteEntry[], text: string): ListSignature {
  const shown = search(text);
  return { count: shown.length, first: title(shown[0]), last: title(shown[shown.length - 1]) };
}

/** Text typed, or (a negative number) that many backspaces. */
type Edit = string | number;

/**
 * What someone does in the palette, from an empty box each time: a key's label with its number
 * corrected, a kid prefix then backspaced away, an account name, a kid with a wrong character
 * taken back. Only the keystrokes that change the results are measured.
 */
export function planPaletteKeystrokes(search: (text: string) => PaletteEntry[], kids: string[]): Keystroke[] {
  const kid = kids[1234] as string;
  const other = kids[4321] as string;
  const typo = other.charAt(3) === 'f' ? '0' : 'f';
  const sessions: Edit[][] = [
    ['hedge 13', -2, '7-'],
    [kid.slice(0, 6), -6],
    ['Meridian 1', -1, '2'],
    ['taker 250-1', -4, '31-'],
    [other.slice(0, 3) + typo, -1, other.slice(3, 6)],
    ['Raven 7'],
    ['arb 42-', -2, '3-'],
    ['grid 1', -6, 'Onyx'],
  ];
  const plan: Keystroke[] = [];
  for (const session of sessions) {
    let text = '';
    let shown = paletteListFor(search, text);
    const press = (key: string, after: string) => {
      const expected = paletteListFor(search, after);
      if (!sameList(expected, shown) && plan.length < PALETTE_KEYSTROKES) plan.push({ before: text, key, shownBefore: shown, expected });
      text = after;
      shown = expected;
    };
    for (const edit of session) {
      if (typeof edit === 'number') for (let n = 0; n < -edit; n += 1) press('Backspace', text.slice(0, -1));
      else for (const character of edit) press(character, text + character);
    }
  }
  if (plan.length < PALETTE_KEYSTROKES) throw new Error(`Only ${plan.length} of the palette's keystrokes change its results.`);
  return plan;
}
