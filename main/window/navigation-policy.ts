import { parseAppUrl } from './app-origin';

/**
 * Whether the window may navigate to `url`: only within the app's own origin. Everything else,
 * an exchange's site included, opens (if at all) in the user's browser, never in the window that
 * holds the preload bridge.
 */
export function allowNavigation(url: string): boolean {
  return parseAppUrl(url) !== null;
}

// Long enough for any real link, short enough to keep pasted blobs away from the OS URL handler.
const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The URL to hand to the user's browser, or null. Only https: is opened: other schemes (file:,
 * smb:, javascript:, custom handlers of installed apps) can run or leak things outside the browser.
 * Credentials in the URL are refused, as they only serve to disguise the real host.
 */
export function externalLinkTarget(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}
