/**
 * The origin of an exchange's base URL (scheme://host[:port], the default port left out, as URL
 * gives it): what a key is bound to and what a signature may be made for.
 */
export function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

/** host[:port] of an origin or URL, for messages. */
export function hostOf(url: string): string {
  return new URL(url).host;
}
