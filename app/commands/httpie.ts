import { AppError } from '../app-error';
import { posixQuote } from './posix-quote';
import { AUTH_HEADER_NAMES, LONE_SURROGATE, requestBody, requestUrl } from './request';
import type { JsonValue, RequestSpec, SignedRequest } from './request';

/*
 * How httpie 3 reads an item such as name==value (httpie/cli/argtypes.py, KeyValueArgType):
 * the first separator found splits it (':', ';', '==', '=', ':=', '@', '=@', ':=@', '==@', ':@';
 * the longest one at that position wins). A backslash before one of the characters : ; = @
 * escapes it, in the name and in the value alike; a backslash before anything else, another
 * backslash included, stays as it is (backslashes are read in pairs). So an odd run of
 * backslashes directly before one of those characters (or at the end of a name, where the
 * separator follows) cannot be written at all.
 */
const SEPARATOR_CHARACTER = /[:;=@]/g;
const UNWRITABLE_NAME = /(?<!\\)(?:\\\\)*\\(?:[:;=@]|$)/;
const UNWRITABLE_VALUE = /(?<!\\)(?:\\\\)*\\[:;=@]/;

const escapeName = (name: string): string => name.replace(SEPARATOR_CHARACTER, '\\$&');
// After the separator only escapes are read, but a leading = or @ would lengthen the separator
// (name==x into a query item, name=@x into a file upload, Header:=x into a JSON field).
const escapeValue = (value: string): string => value.replace(/^[=@]/, '\\$&');

/**
 * httpie gathers the values of a repeated query name at its first occurrence
 * (MultiValueOrderedDict in httpie/cli/dicts.py): a=1 b=2 a=3 is sent as a=1&a=3&b=2.
 */
const keepsQueryOrder = (query: RequestSpec['query']): boolean =>
  query.every(([name], i) => i === 0 || query[i - 1]?.[0] === name || !query.slice(0, i).some(([earlier]) => earlier === name));

function queryItems(query: RequestSpec['query']): string[] | undefined {
  const writable = query.every(([name, value]) => !UNWRITABLE_NAME.test(name) && !UNWRITABLE_VALUE.test(value));
  return writable && keepsQueryOrder(query) ? query.map(([name, value]) => `${escapeName(name)}==${escapeValue(value)}`) : undefined;
}

// Field names are also nested-JSON paths in httpie 3 (httpie/cli/nested_json.py): brackets and
// backslashes are syntax there, and a name Python's int() accepts is rewritten ("007" becomes "7").
const PLAIN_FIELD = /^[^:;=@[\]\\\p{Cc}]+$/u;
const INTEGER_LIKE = /^\s*[+-]?[\p{Nd}_]+\s*$/u;
const CANONICAL_INTEGER = /^(?:0|[1-9][0-9]*)$/;

const isPlainField = (name: string): boolean =>
  PLAIN_FIELD.test(name) && !LONE_SURROGATE.test(name) && (!INTEGER_LIKE.test(name) || CANONICAL_INTEGER.test(name));

// Control characters and lone surrogates cannot pass through a command line as they are; JSON escapes them.
const isPlainString = (value: string): boolean => !/\p{Cc}/u.test(value) && !LONE_SURROGATE.test(value) && !UNWRITABLE_VALUE.test(value);

const isObject = (value: JsonValue): value is { [key: string]: JsonValue } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** name=value and name:=json items, or undefined when the body has to go whole with --raw. */
function bodyItems(body: JsonValue): string[] | undefined {
  // httpie sends no body at all for zero fields, and builds only objects from fields.
  if (!isObject(body) || Object.keys(body).length === 0) return undefined;
  const fields = Object.entries(body);
  if (!fields.every(([name]) => isPlainField(name))) return undefined;
  return fields.map(([name, value]) =>
    typeof value === 'string' && isPlainString(value) ? `${name}=${escapeValue(value)}` : `${name}:=${JSON.stringify(value)}`,
  );
}

/**
 * `http --ignore-stdin METHOD URL name==value 'Header:value' field=value`, as in Barong's
 * documentation. --ignore-stdin because in scripts and cron stdin is not a terminal, and httpie
 * would otherwise wait for a body on it.
 */
export function renderHttpie(request: SignedRequest, separator = ' '): string {
  const kid = request.headers['X-Auth-Apikey'];
  if (UNWRITABLE_VALUE.test(kid)) {
    throw new AppError(
      'input.kid_unsupported',
      'httpie cannot send this key id: it reads a backslash before ":", ";", "=" or "@" as an escape. Use the curl format.',
    );
  }
  const query = queryItems(request.query);
  const body = request.body === undefined ? undefined : bodyItems(request.body);
  const raw = request.body !== undefined && body === undefined ? requestBody(request) : undefined;
  const items = [...(query ?? []), ...AUTH_HEADER_NAMES.map((name) => `${name}:${escapeValue(request.headers[name])}`), ...(body ?? [])];
  // A query that httpie cannot write as items goes into the URL, already encoded, in order.
  const url = requestUrl(query ? { ...request, query: [] } : request);
  return [
    'http --ignore-stdin',
    // --raw=... rather than --raw ...: a body such as -1 would otherwise be read as an option.
    ...(raw === undefined ? [] : [`--raw=${posixQuote(raw)}`]),
    request.method,
    posixQuote(url),
    // argparse reads an item that starts with '-' as an option unless '--' comes first.
    ...(items.some((item) => item.startsWith('-')) ? ['--'] : []),
    ...items.map(posixQuote),
  ].join(separator);
}
