/** What the search box looks at in an account: its name and URL, and its keys' labels and kids. */
export interface SearchableAccount {
  name: string;
  baseUrl: string;
  keys: ReadonlyArray<{ kid: string; label: string }>;
}

/** The accounts `text` finds, in list order: the whole list when the trimmed text is empty. */
export type AccountFilter<T> = (text: string) => T[];

interface Haystack<T> {
  account: T;
  /** Name, URL and key labels, lowercased: found when they contain the text. */
  contained: string[];
  /** Kids, lowercased: found when they start with the text. */
  prefixed: string[];
}

/**
 * Filters on every keystroke in the page, so the lowercasing is done here, once per list: a
 * keystroke over 10,000 keys then costs only the comparisons. Same meaning as the vault's list:
 * case-insensitive, the text taken literally.
 */
export function accountFilter<T extends SearchableAccount>(accounts: readonly T[]): AccountFilter<T> {
  const haystacks: Array<Haystack<T>> = accounts.map((account) => ({
    account,
    contained: [account.name, account.baseUrl, ...account.keys.map((key) => key.label)].map((text) => text.toLowerCase()),
    prefixed: account.keys.map((key) => key.kid.toLowerCase()),
  }));
  const all = [...accounts];
  return (text) => {
    const needle = text.trim().toLowerCase();
    if (needle === '') return all;
    return haystacks
      .filter(({ contained, prefixed }) => contained.some((hay) => hay.includes(needle)) || prefixed.some((kid) => kid.startsWith(needle)))
      .map(({ account }) => account);
  };
}
