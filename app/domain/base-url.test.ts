import { describe, expect, it } from 'vitest';
import { exchangeUrlProblem, isLoopbackHost } from './base-url';

describe('exchange URLs', () => {
  it.each(['https://exchange.example', 'https://exchange.example/base/', 'http://127.0.0.1:4000', 'http://localhost:1', 'http://[::1]:8080'])(
    'accepts %s',
    (url) => {
      expect(exchangeUrlProblem(url)).toBeUndefined();
    },
  );

  it.each([
    ['exchange.example', 'is not a URL'],
    ['http://exchange.example', 'must start with https://'],
    ['http://10.0.0.1', 'must start with https://'],
    ['ftp://127.0.0.1', 'must start with https://'],
    ['https://user:pw@exchange.example', 'may not carry credentials'],
    ['https://exchange.example/?a=1', 'may not carry credentials'],
  ])('refuses %s', (url, problem) => {
    expect(exchangeUrlProblem(url)).toContain(problem);
  });

  it('knows the loopback range', () => {
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example')).toBe(false);
  });
});
