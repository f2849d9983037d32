import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/app-error';
import { powershellQuote } from '../../app/commands/powershell-quote';
import { renderSignedCommand } from '../../app/commands/render';
import { requestBody, requestUrl } from '../../app/commands/request';
import { nastyString, signedRequest } from '../support/request-arbitraries';

type Token = { literal: string } | { word: string };

const QUOTES = "'\u2018\u2019\u201A\u201B";
const BREAKS = ' \t;\n';

/**
 * Reads PowerShell text into single-quoted literals and bare words (';' and line ends are words
 * of their own), the way PowerShell's tokenizer reads a verbatim string: any of the five single
 * quotes ends it, unless another one follows, which then stands for itself.
 */
function readPowerShell(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t') {
      i += 1;
    } else if (c === ';' || c === '\n') {
      tokens.push({ word: c });
      i += 1;
    } else if (QUOTES.includes(c)) {
      let literal = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error(`Unterminated string literal: ${text}`);
        const d = text.charAt(i);
        if (QUOTES.includes(d)) {
          const next = text.charAt(i + 1);
          if (next === '' || !QUOTES.includes(next)) break;
          literal += next;
          i += 2;
        } else {
          literal += d;
          i += 1;
        }
      }
      i += 1;
      const after = text.charAt(i);
      if (after !== '' && !BREAKS.includes(after)) throw new Error(`A literal runs into "${after}": ${text}`);
      tokens.push({ literal });
    } else {
      let word = '';
      while (i < text.length && !BREAKS.includes(text.charAt(i)) && !QUOTES.includes(text.charAt(i))) word += text.charAt(i++);
      tokens.push({ word });
    }
  }
  return tokens;
}

const words = (text: string): Token[] => text.split(' ').map((word) => ({ word }));

// pwsh is not installed on this machine: the output is checked by reading it back, not by running it.
describe('PowerShell command, read back structurally (pwsh is not available here)', () => {
  it('the reader understands doubled quotes of every kind', () => {
    expect(readPowerShell(`a 'it''s' '\u2018\u2018x\u2019\u2019' ''`)).toEqual([
      { word: 'a' },
      { literal: "it's" },
      { literal: '\u2018x\u2019' },
      { literal: '' },
    ]);
    expect(() => readPowerShell(`'it's'`)).toThrow('runs into');
    expect(() => readPowerShell(`'open`)).toThrow('Unterminated');
  });

  it('any value survives quoting', () => {
    fc.assert(
      fc.property(nastyString(12), (value) => {
        expect(readPowerShell(powershellQuote(value))).toEqual([{ literal: value }]);
      }),
      { numRuns: 500 },
    );
  });

  it('headers, -Uri and -Body read back exactly', () => {
    fc.assert(
      fc.property(signedRequest('https://exchange.example/api/v2'), (request) => {
        if (request.method === 'GET' && request.body !== undefined) {
          expect(() => renderSignedCommand('powershell', request, 5000)).toThrow(AppError);
          return;
        }
        const method = request.method.charAt(0) + request.method.slice(1).toLowerCase();
        const body = requestBody(request);
        const expected: Token[] = [
          ...words('$headers = @{'),
          { literal: 'X-Auth-Apikey' },
          { word: '=' },
          { literal: request.headers['X-Auth-Apikey'] },
          { word: ';' },
          { literal: 'X-Auth-Nonce' },
          { word: '=' },
          { literal: request.headers['X-Auth-Nonce'] },
          { word: ';' },
          { literal: 'X-Auth-Signature' },
          { word: '=' },
          { literal: request.headers['X-Auth-Signature'] },
          { word: '}' },
          { word: '\n' },
          ...words(`Invoke-RestMethod -Method ${method} -Uri`),
          { literal: requestUrl(request) },
          ...words('-Headers $headers'),
          ...(body === undefined ? [] : [{ word: '-ContentType' }, { literal: 'application/json; charset=utf-8' }, { word: '-Body' }, { literal: body }]),
        ];
        expect(readPowerShell(renderSignedCommand('powershell', request, 5000).text)).toEqual(expected);
        // And the URL read back stands for the request.
        const uri = new URL(requestUrl(request));
        expect(uri.pathname.split('/').map(decodeURIComponent)).toEqual(`/api/v2${request.path}`.split('/'));
        expect([...uri.searchParams]).toEqual(request.query);
      }),
      { numRuns: 300 },
    );
  });
});
