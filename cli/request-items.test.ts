import { describe, expect, it } from 'vitest';
import { parseRequestItems } from './request-items';

describe('parseRequestItems', () => {
  it('puts name=value in the query for GET and DELETE', () => {
    expect(parseRequestItems('GET', ['market=btcusd', 'limit=10'], undefined)).toEqual({ query: [['market', 'btcusd'], ['limit', '10']] });
    expect(parseRequestItems('DELETE', ['totp_code=123456'], undefined)).toEqual({ query: [['totp_code', '123456']] });
  });

  it('puts name=value in a JSON body for POST, PUT and PATCH', () => {
    expect(parseRequestItems('POST', ['market=btcusd', 'volume:=0.5', 'tags:=["a"]', 'page==2'], undefined)).toEqual({
      query: [['page', '2']],
      body: { market: 'btcusd', volume: 0.5, tags: ['a'] },
    });
  });

  it('keeps everything after the first separator in the value', () => {
    expect(parseRequestItems('GET', ['q=a=b', 'r==x==y', 'e='], undefined)).toEqual({ query: [['q', 'a=b'], ['r', 'x==y'], ['e', '']] });
  });

  it('takes the whole body from --json', () => {
    expect(parseRequestItems('POST', [], '{"a":[1,{"b":null}]}')).toEqual({ query: [], body: { a: [1, { b: null }] } });
  });

  it.each([
    [['novalue'], undefined, 'is not a parameter'],
    [['=x'], undefined, 'is not a parameter'],
    [[':=1'], undefined, 'is not a parameter'],
    [['a:=nope'], undefined, 'The value of a is not valid JSON'],
    [['a=1'], '{}', 'either with --json or as name=value fields'],
    [[], '{', 'The --json body is not valid JSON'],
  ])('rejects %j with --json %j', (items, json, message) => {
    expect(() => parseRequestItems('POST', items, json)).toThrow(expect.objectContaining({ code: 'usage', message: expect.stringContaining(message) }));
  });

  it('refuses a body on GET', () => {
    expect(() => parseRequestItems('GET', ['a:=1'], undefined)).toThrow(expect.objectContaining({ code: 'usage' }));
  });
});
