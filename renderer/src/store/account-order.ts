/** Accounts used within this time count as recently used, and come first. */
export const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The desk's order: accounts used in the last week first, most recent first; then the rest in the
 * owner's order (the vault's sort order, in which the list arrives).
 */
export function deskOrder<T extends { lastUsedAt: number | null }>(accounts: readonly T[], now: number): T[] {
  const recent = accounts.filter((account) => account.lastUsedAt !== null && now - account.lastUsedAt < RECENT_MS);
  recent.sort((a, b) => (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0));
  const rest = accounts.filter((account) => !recent.includes(account));
  return [...recent, ...rest];
}
