import { AppError } from '../app/app-error';
import type { HttpMethod, JsonValue } from '../app/commands/request';
import { jsonNestingDepth } from './json-nesting';

export interface RequestParameters {
  query: Array<[string, string]>;
  body?: JsonValue;
}

// Barong takes GET and DELETE parameters in the query string, the others in a JSON body.
const QUERY_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'DELETE']);

// Far deeper than any exchange's parameters, and shallow enough for every recursive step after the parse.
const MAX_JSON_DEPTH = 64;

function parseJson(text: string, what: string): JsonValue {
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) throw new AppError('usage', `${what} is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new AppError('usage', `${what} is not valid JSON.`);
  }
}

/**
 * Reads httpie-style items: `name==value` always goes in the query, `name:=json` in the body,
 * and `name=value` where the method carries its parameters. `--json BODY` is the whole body.
 */
export function parseRequestItems(method: HttpMethod, items: string[], json: string | undefined): RequestParameters {
  const query: Array<[string, string]> = [];
  // Entries, not assignments: fields['__proto__'] = 1 would set the prototype and drop the field.
  const fields: Array<[string, JsonValue]> = [];
  for (const item of items) {
    const at = item.indexOf('=');
    if (at <= 0 || (at === 1 && item[0] === ':')) {
      throw new AppError('usage', `"${item}" is not a parameter: write name=value, name==value or name:=json.`);
    }
    if (item[at + 1] === '=') {
      query.push([item.slice(0, at), item.slice(at + 2)]);
    } else if (item[at - 1] === ':') {
      fields.push([item.slice(0, at - 1), parseJson(item.slice(at + 1), `The value of ${item.slice(0, at - 1)}`)]);
    } else if (QUERY_METHODS.has(method)) {
      query.push([item.slice(0, at), item.slice(at + 1)]);
    } else {
      fields.push([item.slice(0, at), item.slice(at + 1)]);
    }
  }
  const hasFields = fields.length > 0;
  if (hasFields && json !== undefined) throw new AppError('usage', 'Give the body either with --json or as name=value fields, not both.');
  const body = json === undefined ? (hasFields ? Object.fromEntries(fields) : undefined) : parseJson(json, 'The --json body');
  if (body !== undefined && method === 'GET') {
    throw new AppError('usage', 'A GET request has no body: give its parameters as name=value.');
  }
  return body === undefined ? { query } : { query, body };
}
