import type { AuthHeaders } from '../../../app/barong/auth-headers';

/** Headers that describe one connection, not the message (RFC 9110 section 7.6.1): each hop sets its own. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'upgrade']);

// Node decodes the body's framing on the way in and encodes it again on the way out from these
// two, so they stay; a Connection header that names them must not strip a body of its length.
const FRAMING = new Set(['content-length', 'transfer-encoding']);

// Host becomes the exchange's. The proxy's own server has already answered `Expect: 100-continue`,
// so the exchange's interim answer would have nowhere to go.
const REPLACED = new Set(['host', 'expect']);

const isCallerAuth = (name: string): boolean => name.startsWith('x-auth-');

/** Every value of one header, in order, from Node's flat [name, value, ...] list. */
export function headerValues(rawHeaders: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === name) values.push(rawHeaders[index + 1] ?? '');
  }
  return values;
}

/** The names a Connection header lists are hop-by-hop too. */
function connectionScoped(rawHeaders: readonly string[]): Set<string> {
  const listed = headerValues(rawHeaders, 'connection').flatMap((value) => value.split(','));
  return new Set(listed.map((name) => name.trim().toLowerCase()).filter((name) => name !== '' && !FRAMING.has(name)));
}

/** The flat list without the headers `drop` names, names and values as they came. */
function keep(rawHeaders: readonly string[], drop: (name: string) => boolean): string[] {
  const kept: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? '';
    if (!drop(name.toLowerCase())) kept.push(name, rawHeaders[index + 1] ?? '');
  }
  return kept;
}

const endToEnd = (rawHeaders: readonly string[]): ((name: string) => boolean) => {
  const scoped = connectionScoped(rawHeaders);
  return (name) => HOP_BY_HOP.has(name) || scoped.has(name);
};

/**
 * What goes to the exchange: the caller's end-to-end headers unchanged, except any X-Auth header
 * of its own, which could otherwise ride beside or ahead of the proxy's; the exchange's Host; the
 * signed headers. An upgrade names its protocol again, since Connection and Upgrade are per hop.
 */
export function upstreamHeaders(rawHeaders: readonly string[], options: { host: string; auth: AuthHeaders; upgrade?: string }): string[] {
  const hopByHop = endToEnd(rawHeaders);
  const headers = ['Host', options.host, ...keep(rawHeaders, (name) => hopByHop(name) || REPLACED.has(name) || isCallerAuth(name))];
  for (const [name, value] of Object.entries(options.auth)) headers.push(name, value);
  if (options.upgrade !== undefined) headers.push('Connection', 'Upgrade', 'Upgrade', options.upgrade);
  return headers;
}

/** What comes back from the exchange: everything but its hop-by-hop headers. */
export function downstreamHeaders(rawHeaders: readonly string[]): string[] {
  return keep(rawHeaders, endToEnd(rawHeaders));
}

/** A refused upgrade's answer ends with the connection, so its own framing is dropped and the close delimits the body. */
export function closingHeaders(rawHeaders: readonly string[]): string[] {
  const hopByHop = endToEnd(rawHeaders);
  return [...keep(rawHeaders, (name) => hopByHop(name) || FRAMING.has(name)), 'Connection', 'close'];
}
