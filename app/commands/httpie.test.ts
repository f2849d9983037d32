import { describe, expect, it } from 'vitest';
import { renderHttpie } from './httpie';
import { balancesRequest } from '../../test/support/balances-request';

const HEADERS = `'X-Auth-Apikey:61d025b8573501c2' 'X-Auth-Nonce:1584524005143' 'X-Auth-Signature:${'5'.repeat(64)}'`;

const request = balancesRequest;

describe('renderHttpie', () => {
  it('writes a GET the way Barong documents it', () => {
    expect(renderHttpie(request({ query: [['limit', '10']] }))).toBe(
      `http --ignore-stdin GET 'https://exchange.example/api/v2/peatio/account/balances' 'limit==10' ${HEADERS}`,
    );
  });

  it('writes strings as field=value and everything else as field:=json', () => {
    const body = { market: 'btcusd', volume: '0.1', post_only: true, price: 30000, tags: ['a'], note: null };
    expect(renderHttpie(request({ method: 'POST', path: '/orders', body }))).toBe(
      `http --ignore-stdin POST 'https://exchange.example/orders' ${HEADERS} ` +
        `'market=btcusd' 'volume=0.1' 'post_only:=true' 'price:=30000' 'tags:=["a"]' 'note:=null'`,
    );
  });

  it('escapes separator characters in names and a leading = or @ in values', () => {
    expect(
      renderHttpie(
        request({
          query: [
            ['a:b=c', '=@x'],
            ['at', '@file'],
            ['t', '12:00'],
          ],
        }),
      ),
    ).toContain(String.raw`'a\:b\=c==\=@x' 'at==\@file' 't==12:00'`);
    expect(renderHttpie(request({ method: 'POST', body: { email: '@me', eq: '=x' } }))).toContain(String.raw`'email=\@me' 'eq=\=x'`);
  });

  it('keeps a backslash that escapes nothing, and quotes the shell-special characters', () => {
    expect(renderHttpie(request({ method: 'POST', body: { path: 'C:\\tmp\\', who: "O'Brien $USER" } }))).toContain(
      String.raw`'path=C:\tmp\' 'who=O'\''Brien $USER'`,
    );
  });

  it('sends strings that an item cannot carry as JSON: control characters, a backslash before a separator', () => {
    expect(renderHttpie(request({ method: 'POST', body: { a: 'two\nlines', b: 'x\\:y', c: 'x\\\\:y' } }))).toContain(
      String.raw`'a:="two\nlines"' 'b:="x\\:y"' 'c=x\\:y'`,
    );
  });

  it('sends the whole body with --raw when a field name is a nested-JSON path or not a name at all', () => {
    for (const body of [{ 'a[0]': 1 }, { 'x:y': 1 }, { '': 1 }, { '007': 1 }, { 'a\\b': 1 }, {}, [1, 2], 'text', -1, null]) {
      expect(renderHttpie(request({ method: 'POST', body }))).toBe(
        `http --ignore-stdin --raw='${JSON.stringify(body)}' POST 'https://exchange.example/api/v2/peatio/account/balances' ${HEADERS}`,
      );
    }
  });

  it('puts the query in the URL when httpie would regroup repeated names or cannot write an item', () => {
    // httpie would send a=1&a=3&b=2.
    expect(
      renderHttpie(
        request({
          query: [
            ['a', '1'],
            ['b', '2'],
            ['a', '3'],
          ],
        }),
      ),
    ).toContain(`/balances?a=1&b=2&a=3' 'X-Auth`);
    expect(
      renderHttpie(
        request({
          query: [
            ['a', '1'],
            ['a', '2'],
            ['b', '3'],
          ],
        }),
      ),
    ).toContain(`/balances' 'a==1' 'a==2' 'b==3'`);
    expect(renderHttpie(request({ query: [['x', 'a\\=b']] }))).toContain(`/balances?x=a%5C%3Db'`);
    expect(renderHttpie(request({ query: [['x\\', '1']] }))).toContain(`/balances?x%5C=1'`);
  });

  it("ends httpie's options with -- when an item starts with '-'", () => {
    expect(renderHttpie(request({ query: [['-v', '1']] }))).toContain(`/balances' -- '-v==1' 'X-Auth`);
  });

  it('refuses a key id that httpie would unescape', () => {
    const headers = { ...request().headers, 'X-Auth-Apikey': 'ab\\:cd' };
    expect(() => renderHttpie(request({ headers }))).toThrow(expect.objectContaining({ code: 'input.kid_unsupported' }));
  });
});
