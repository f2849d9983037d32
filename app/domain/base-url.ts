/**
 * An exchange is reached over HTTPS; plain HTTP only on this computer (the sandbox), where
 * nothing crosses a network.
 */
const LOOPBACK_V4 = /^127(?:\.\d{1,3}){3}$/;

export const isLoopbackHost = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || LOOPBACK_V4.test(hostname);

/** Why a base URL is unfit for an exchange, or undefined when it is fine. */
export function exchangeUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL (expected https://host)';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return 'must start with https:// (plain http:// only for a sandbox on this computer)';
  }
  if (url.username || url.password || url.search || url.hash) return 'may not carry credentials, a query or a fragment';
  return undefined;
}
