/** The host a base URL points at, as traders name an exchange; the whole URL if it has none to show. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
