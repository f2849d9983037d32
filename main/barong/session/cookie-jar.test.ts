import { describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar';

describe('the cookie jar', () => {
  it('keeps every cookie set, whatever the session cookie is named', () => {
    const jar = new CookieJar();
    jar.store(['exchange_session=abc123; path=/; HttpOnly', 'lang=en; Path=/']);
    expect(jar.header()).toBe('exchange_session=abc123; lang=en');
    jar.store('exchange_session=def456; path=/');
    expect(jar.header()).toBe('exchange_session=def456; lang=en');
  });

  it('removes cookies set to expire or emptied, and ignores lines that are not cookies', () => {
    const jar = new CookieJar();
    jar.store(['a=1', 'b=2', 'c=3', 'broken', '=nameless']);
    jar.store(['a=gone; Max-Age=0', 'b=; path=/', 'c=old; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(jar.header()).toBeUndefined();
    expect(jar.size).toBe(0);
  });

  it('forgets everything on clear', () => {
    const jar = new CookieJar();
    jar.store('_barong_session=secret-value');
    jar.clear();
    expect(jar.header()).toBeUndefined();
  });
});
