import { describe, expect, it } from 'vitest';
import { parseRequestItems } from './request-items';

describe('parseRequestItems', () => {
  it('puts name=value in the query for GET and DELETE', () => {
    expect(parseRequestItems('GET', ['market=btcusd', 'limit=10'], undefined)).toEqual({
      query: [
        ['market', 'btcusd'],
        ['limit', '10'],
      ],
    });
    expect(parseRequestItems('DELETE', ['totp_code=123456'], undefined)).toEqual({ query: [['totp_code', '123456']] });
  });

  it('puts name=value in a JSON body for POST, PUT and PATCH', () => {
    expect(parseRequestItems('POST', ['market=btcusd', 'volume:=0.5', 'tags:=["a"]', 'page==2'], undefined)).toEqual({
      query: [['page', '2']],
      body: { market: 'btcusd', volume: 0.5, tags: ['a'] },
    });
  });

  it('keeps everything after the first separator in the value', () => {
    expect(parseRequestItems('GET', ['q=a=b', 'r==x==y', 'e='], undefined)).toEqual({
      query: [
        ['q', 'a=b'],
        ['r', 'x==y'],
        ['e', ''],
      ],
    });
  });

  it('takes the whole body from --json', () => {
    expect(parseRequestItems('POST', [], '{"a":[1,{"b":null}]}')).toEqual({ query: [], body: { a: [1, { b: null }] } });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('keeps a field named %s as an ordinary field of the body', (name) => {
    const { body } = parseRequestItems('POST', [`${name}:=1`, `${name}x=2`], undefined);
    expect(JSON.stringify(body)).toBe(`{"${name}":1,"${name}x":"2"}`);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(JSON.stringify(parseRequestItems('PUT', [`${name}=a`], undefined).body)).toBe(`{"${name}":"a"}`);
  });

  const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('takes JSON nested 64 levels deep, in --json and in name:=json', () => {
    expect(JSON.stringify(parseRequestItems('POST', [], nested(64)).body)).toBe(nested(64));
    expect(JSON.stringify(parseRequestItems('POST', [`a:=${nested(64)}`], undefined).body)).toBe(`{"a":${nested(64)}}`);
  });

  it.each([
    [[], nested(65), 'The --json body is nested deeper than 64 levels.'],
    [[], nested(1_000_000), 'The --json body is nested deeper than 64 levels.'],
    [[], `{"a":${nested(64)}}`, 'The --json body is nested deeper than 64 levels.'],
    [[`a:=${nested(65)}`], undefined, 'The value of a is nested deeper than 64 levels.'],
    [[`a:=${'{"b":'.repeat(100_000)}1${'}'.repeat(100_000)}`], undefined, 'The value of a is nested deeper than 64 levels.'],
  ])('refuses JSON nested too deep (%#)', (items, json, message) => {
    expect(() => parseRequestItems('POST', items, json)).toThrow(expect.objectContaining({ code: 'usage', message }));
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
