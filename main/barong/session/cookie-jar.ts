/**
 * The cookies of one session with one exchange, in memory only. Every cookie the exchange sets is
 * kept, not only `_barong_session`: operators rename it (BARONG_SESSION_NAME).
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the Set-Cookie lines of an answer; a cookie set to expire is removed. */
  store(setCookie: string | string[] | undefined): void {
    for (const line of typeof setCookie === 'string' ? [setCookie] : (setCookie ?? [])) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || attributes.some(isExpiring)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie header for the next request, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get size(): number {
    return this.cookies.size;
  }

  clear(): void {
    this.cookies.clear();
  }
}

function isExpiring(attribute: string): boolean {
  const separator = attribute.indexOf('=');
  const name = attribute
    .slice(0, separator < 0 ? undefined : separator)
    .trim()
    .toLowerCase();
  const value = separator < 0 ? '' : attribute.slice(separator + 1).trim();
  if (name === 'max-age') return Number(value) <= 0;
  if (name === 'expires') return Date.parse(value) <= Date.now();
  return false;
}
