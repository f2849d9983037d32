import { hostOf } from '../host-of';

/** What the palette can open: an account (on its Sign tab), or one key of it (chosen in the signer). */
export type PaletteEntry =
  { kind: 'account'; accountId: string; name: string; host: string } | { kind: 'key'; accountId: string; accountName: string; kid: string; label: string };

interface PaletteAccount {
  id: string;
  name: string;
  baseUrl: string;
  keys: ReadonlyArray<{ kid: string; label: string }>;
}

/** The most the palette shows at once: two screenfuls of the list to scan, few enough to paint within a frame. */
export const PALETTE_LIMIT = 20;

/**
 * The palette's search, built once per accounts list so that a keystroke only compares: accounts
 * by name or host, keys by label (anywhere in it) or kid (from its start), case-insensitive, in
 * the list's order, accounts before keys. Empty text lists the accounts.
 */
export function paletteSearch(accounts: readonly PaletteAccount[]): (text: string) => PaletteEntry[] {
  const accountEntries = accounts.map((account) => {
    const entry: PaletteEntry = { kind: 'account', accountId: account.id, name: account.name, host: hostOf(account.baseUrl) };
    return { entry, hay: `${account.name}\n${entry.host}`.toLowerCase() };
  });
  const keyEntries = accounts.flatMap((account) =>
    account.keys.map((key) => ({
      entry: { kind: 'key', accountId: account.id, accountName: account.name, kid: key.kid, label: key.label } satisfies PaletteEntry as PaletteEntry,
      label: key.label.toLowerCase(),
      kid: key.kid.toLowerCase(),
    })),
  );
  return (text) => {
    const needle = text.trim().toLowerCase();
    if (needle === '') return accountEntries.slice(0, PALETTE_LIMIT).map(({ entry }) => entry);
    const found: PaletteEntry[] = [];
    for (const { entry, hay } of accountEntries) {
      if (hay.includes(needle)) found.push(entry);
      if (found.length === PALETTE_LIMIT) return found;
    }
    for (const { entry, label, kid } of keyEntries) {
      if (kid.startsWith(needle) || label.includes(needle)) found.push(entry);
      if (found.length === PALETTE_LIMIT) return found;
    }
    return found;
  };
}
