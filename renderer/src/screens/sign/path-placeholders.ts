/** The `:name` segments of a preset's path (`/orders/:id/cancel`), each once, in order. */
export function placeholdersOf(path: string): string[] {
  const names = [...path.matchAll(/\/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string);
  return [...new Set(names)];
}

/**
 * The path with each placeholder replaced by its value, encoded as one path segment (a value can
 * never add a segment or a query), or the first placeholder still empty.
 */
export function fillPlaceholders(path: string, values: Readonly<Record<string, string>>): { path: string } | { missing: string } {
  for (const name of placeholdersOf(path)) {
    if ((values[name] ?? '').trim() === '') return { missing: name };
  }
  return { path: path.replace(/\/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => `/${encodeURIComponent((values[name] ?? '').trim())}`) };
}
