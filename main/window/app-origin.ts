/**
 * Where the UI lives: a custom scheme rather than file://, so the renderer has a real origin that
 * the CSP, the navigation policy and the IPC sender check can name, and file:// keeps no special
 * powers over it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'barong-vault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL of the app's own origin; anything else (other scheme, host, port, credentials) is null. */
export function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // URL.origin is "null" for schemes Node does not know, so the parts are compared one by one.
  const ownOrigin = parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  return ownOrigin ? parsed : null;
}
