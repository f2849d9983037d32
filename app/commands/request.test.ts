import { describe, expect, it } from 'vitest';
import { checkRequestSpec, checkSignedRequest, requestBody, requestUrl } from './request';
import type { RequestSpec } from './request';

const spec = (overrides: Partial<RequestSpec> = {}): RequestSpec => ({
  baseUrl: 'https://exchange.example',
  method: 'GET',
  path: '/api/v2/peatio/account/balances',
  query: [],
  ...overrides,
});

describe('requestUrl', () => {
  it('encodes the path and query and joins the base without a double slash', () => {
    expect(
      requestUrl(
        spec({
          baseUrl: 'https://exchange.example/',
          path: "/a b/it's",
          query: [
            ['q', 'x&y=z'],
            ['q', '€'],
          ],
        }),
      ),
    ).toBe('https://exchange.example/a%20b/it%27s?q=x%26y%3Dz&q=%E2%82%AC');
  });

  it('encodes a base path prefix that the URL parser accepts raw', () => {
    expect(requestUrl(spec({ baseUrl: 'https://Exchange.Example/my api/', path: '/x' }))).toBe('https://exchange.example/my%20api/x');
  });

  it('keeps an IPv6 host', () => {
    expect(requestUrl(spec({ baseUrl: 'http://[::1]:8080', path: '/x' }))).toBe('http://[::1]:8080/x');
  });
});

describe('checkRequestSpec', () => {
  it.each([
    [spec({ path: '/a\uD800' }), 'input.invalid_unicode'],
    [spec({ query: [['q', 'x\uDC00']] }), 'input.invalid_unicode'],
    [spec({ query: [['q', 'a\0b']] }), 'input.nul_character'],
    [spec({ body: { price: Number.NaN } }), 'input.body_invalid'],
    [spec({ body: [1, [Infinity]] }), 'input.body_invalid'],
    [spec({ path: '/a/../b' }), 'input.path_invalid'],
    [spec({ baseUrl: 'exchange.example' }), 'input.base_url_invalid'],
    [spec({ baseUrl: 'https://exchange.example/?a=1' }), 'input.base_url_invalid'],
  ])('refuses %j', (bad, code) => {
    expect(() => checkRequestSpec(bad)).toThrow(expect.objectContaining({ name: 'AppError', code }));
  });

  // Plain HTTP would put the signature and the body on the network in the clear: only this computer may be reached so.
  it.each(['http://exchange.example', 'http://10.0.0.1:8080', 'http://localhost.example', 'ftp://127.0.0.1'])(
    'refuses %s as a base URL, as an account does',
    (baseUrl) => {
      expect(() => checkRequestSpec(spec({ baseUrl }))).toThrow(
        expect.objectContaining({ code: 'input.base_url_invalid', message: expect.stringContaining('https://') }),
      );
    },
  );

  it.each(['https://exchange.example/base', 'http://127.0.0.1:4000', 'http://127.8.9.10', 'http://localhost:1', 'http://[::1]:8080'])(
    'accepts %s',
    (baseUrl) => {
      expect(() => checkRequestSpec(spec({ baseUrl }))).not.toThrow();
    },
  );

  it('accepts a surrogate pair and a body with NUL and lone surrogates, which JSON escapes', () => {
    expect(() => checkRequestSpec(spec({ path: '/😀', body: { note: 'a\0b\uD800' } }))).not.toThrow();
    expect(requestBody(spec({ body: { note: 'a\0b\uD800' } }))).toBe('{"note":"a\\u0000b\\ud800"}');
  });
});

describe('checkSignedRequest', () => {
  const headers = { 'X-Auth-Apikey': '61d025b8573501c2', 'X-Auth-Nonce': '1700000000000', 'X-Auth-Signature': 'ab'.repeat(32) };

  it.each([
    [{ ...headers, 'X-Auth-Apikey': 'has space' }, 'input.kid_invalid'],
    [{ ...headers, 'X-Auth-Nonce': '1.5' }, 'input.nonce_invalid'],
    [{ ...headers, 'X-Auth-Signature': 'AB'.repeat(32) }, 'input.signature_invalid'],
  ])('refuses headers %j', (bad, code) => {
    expect(() => checkSignedRequest({ ...spec(), headers: bad })).toThrow(expect.objectContaining({ code }));
  });
});
