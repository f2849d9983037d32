import { domainToUnicode } from 'node:url';

/**
 * Whether a new account from a backup could be taken for one already in the vault: the names
 * or the hosts differ, but not so that a trader glancing at the list would see it. Kept simple
 * on purpose: a warning in the import plan, not a refusal.
 */

// Latin letters and their common stand-ins: Cyrillic and Greek homoglyphs, and digits typed for letters.
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  '0': 'o',
  '1': 'l',
  '|': 'l',
  ı: 'i',
  ℓ: 'l',
};

/** The text as it looks: compatibility forms folded (NFKC), case and accents dropped, homoglyphs mapped, spaces squeezed. */
export function skeleton(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
  return Array.from(folded, (char) => CONFUSABLES[char] ?? char)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The host as a person reads it: punycode (xn--) shown in its own letters. */
export const hostOf = (baseUrl: string): string => {
  const { hostname, port } = new URL(baseUrl);
  return port === '' ? hostname : `${hostname}:${port}`;
};

export function namesLookAlike(a: string, b: string): boolean {
  return a !== b && skeleton(a) === skeleton(b);
}

/** Hosts that differ, yet read the same (homoglyphs, punycode) or are one or two letters apart. */
export function hostsLookAlike(a: string, b: string): boolean {
  if (a === b) return false;
  const readable = (host: string) => skeleton(domainToUnicode(host.replace(/:\d+$/, '')) || host);
  return readable(a) === readable(b) || editDistance(a, b) <= 2;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
