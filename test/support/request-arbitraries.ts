import fc from 'fast-check';
import { HTTP_METHODS } from '../../app/commands/request';
import type { JsonValue, RequestSpec, SignedRequest } from '../../app/commands/request';

// Characters that break naive quoting in sh, PowerShell, URLs or httpie's item syntax.
const NASTY = [
  ' ',
  "'",
  '"',
  '$',
  '`',
  '\\',
  '\n',
  '\t',
  '\r',
  '!',
  '=',
  ':',
  '@',
  ';',
  '[',
  ']',
  '{',
  '}',
  '-',
  '%',
  '&',
  '?',
  '#',
  '+',
  '*',
  '~',
  '(',
  ')',
  '<',
  '>',
  '|',
  '^',
  ',',
  '.',
  'é',
  'ß',
  '€',
  '日本',
  '😀',
  '👍🏽',
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B',
  '\u00A0',
  '\u200B',
  '\u2028',
  '\x7f',
  '\x1b',
  '$(id)',
  '${HOME}',
  '--',
  '==',
  ':=',
  '=@',
  '\\:',
  '\\\\',
  "'\\''",
];

const character = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcXYZ019_') },
  // NUL cannot pass through argv; the request checks refuse it in the path and query.
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0') },
);

// What a value starts with matters most: to argparse (-), httpie (= @ \\) and curl (@).
const start = fc.constantFrom('', '', '', '-', '=', '@', '\\', "'");

export const nastyString = (maxLength = 8): fc.Arbitrary<string> =>
  fc.tuple(start, fc.string({ unit: character, maxLength })).map(([first, rest]) => first + rest);

const segment = nastyString()
  .map((value) => value.replace(/[/?#]/g, '_'))
  // encodePath keeps existing %XX escapes, so such a segment is not meant to arrive literally.
  .filter((value) => value !== '.' && value !== '..' && !/%[0-9A-Fa-f]{2}/.test(value));

export const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => `/${segments.join('/')}`);

// Few distinct names, so that repeated ones (in and out of sequence) are common.
const queryName = fc.oneof({ weight: 2, arbitrary: fc.constantFrom('a', 'b') }, { weight: 1, arbitrary: nastyString() });
export const query = fc.array(fc.tuple(queryName, nastyString()), { maxLength: 5 });

// JSON escapes everything, so body strings may also hold NUL and lone surrogates.
const bodyString = fc.oneof({ weight: 6, arbitrary: nastyString() }, { weight: 1, arbitrary: fc.constantFrom('\0', '\uD800', 'x\uDC00') });
const plainKey = fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/);
const anyKey = fc.oneof(plainKey, bodyString);
const leaf = fc.oneof(bodyString, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

const { json } = fc.letrec<{ json: JsonValue }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(anyKey, tie('json'), { maxKeys: 3, noNullPrototype: true }),
  ),
}));

/** Mostly objects with plain keys (httpie fields), then nasty keys, then any JSON at all. */
export const body: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(plainKey, json, { minKeys: 1, maxKeys: 4, noNullPrototype: true }) },
  { weight: 2, arbitrary: fc.dictionary(anyKey, json, { maxKeys: 4, noNullPrototype: true }) },
  { weight: 1, arbitrary: json },
);

export const requestSpec = (baseUrl: string): fc.Arbitrary<RequestSpec> =>
  fc.record(
    { baseUrl: fc.constant(baseUrl), method: fc.constantFrom(...HTTP_METHODS), path, query, body },
    { requiredKeys: ['baseUrl', 'method', 'path', 'query'] },
  );

// Printable ASCII without the space, as checkKid allows.
export const kid = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 20 });

export const signedRequest = (baseUrl: string): fc.Arbitrary<SignedRequest> =>
  fc
    .tuple(requestSpec(baseUrl), kid, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.stringMatching(/^[0-9a-f]{64}$/))
    .map(([spec, apiKey, nonce, signature]) => ({
      ...spec,
      headers: { 'X-Auth-Apikey': apiKey, 'X-Auth-Nonce': String(nonce), 'X-Auth-Signature': signature },
    }));
