import { describe, expect, it } from 'vitest';
import { rangerPaths } from '../../../app/barong/paths';
import { checkRequest, upgradeRefusal } from './proxy-checks';

const identity = { host: '127.0.0.1:4100', token: 'T0k3n-_abcdefghijklmnopqrstuvwxyz0123456789A' };
const check = (url: string, headers: string[] = ['Host', identity.host], method = 'GET') => checkRequest({ method, url, rawHeaders: headers }, identity);
const codeOf = (checked: ReturnType<typeof check>) => (checked.passed ? 'passed' : checked.refusal.code);

describe('the gate of the signing proxy', () => {
  it('passes its own Host and token, keeping the path and the query as they came', () => {
    expect(check(`/t/${identity.token}/api/v2/x%2Fy/z?b=2&a=%20`)).toEqual({
      passed: true,
      target: { method: 'GET', path: '/api/v2/x%2Fy/z', query: '?b=2&a=%20' },
    });
    expect(check(`/t/${identity.token}`)).toEqual({ passed: true, target: { method: 'GET', path: '/', query: '' } });
    expect(check(`/t/${identity.token}?x=1`)).toEqual({ passed: true, target: { method: 'GET', path: '/', query: '?x=1' } });
  });

  it('wants exactly one Host, exactly its own address', () => {
    const url = `/t/${identity.token}/api`;
    expect(codeOf(check(url, []))).toBe('proxy.host_refused');
    expect(codeOf(check(url, ['Host', identity.host, 'Host', identity.host]))).toBe('proxy.host_refused');
    expect(codeOf(check(url, ['Host', 'evil.example', 'Host', identity.host]))).toBe('proxy.host_refused');
    for (const host of ['localhost:4100', '127.0.0.1', '127.0.0.1:41000', ' 127.0.0.1:4100', '127.1:4100', '[::ffff:127.0.0.1]:4100']) {
      expect(check(url, ['Host', host]), host).toMatchObject({ passed: false, refusal: { status: 421, code: 'proxy.host_refused' } });
    }
    expect(check(url, ['hOsT', identity.host]).passed).toBe(true);
  });

  it('refuses any Origin, in any case, even its own', () => {
    for (const origin of ['https://evil.example', 'null', `http://${identity.host}`, '']) {
      expect(check(`/t/${identity.token}/api`, ['Host', identity.host, 'ORIGIN', origin]), origin).toMatchObject({
        passed: false,
        refusal: { status: 403, code: 'proxy.origin_refused' },
      });
    }
  });

  it('refuses a token that is missing, cut short, longer, in another case or not where it belongs, and then tells no path', () => {
    for (const url of [
      '/api/v2/x',
      '/t//api',
      `/t/${identity.token.slice(1)}/api`,
      `/t/${identity.token}0/api`,
      `/t/${identity.token.toLowerCase()}/api`,
      `/x/${identity.token}/api`,
      `/t/%54${identity.token.slice(1)}/api`,
      `http://127.0.0.1:4100/t/${identity.token}/api`,
    ]) {
      expect(check(url), url).toEqual({ passed: false, refusal: expect.objectContaining({ status: 403, code: 'proxy.token_refused' }), path: '' });
    }
  });

  it('tells the path of a refusal made after the token was right', () => {
    expect(check(`/t/${identity.token}/api/v2/y?q=1`, ['Host', identity.host, 'Origin', 'null'])).toMatchObject({ passed: false, path: '/api/v2/y' });
  });

  it('forwards only the methods a key signs', () => {
    for (const method of ['HEAD', 'OPTIONS', 'TRACE', 'get'])
      expect(codeOf(check(`/t/${identity.token}/api`, undefined, method)), method).toBe('proxy.method_refused');
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(codeOf(check(`/t/${identity.token}/api`, undefined, method)), method).toBe('passed');
  });

  it('opens a WebSocket to the private stream only', () => {
    const target = { method: 'GET' as const, path: rangerPaths.private, query: '?stream=order' };
    expect(upgradeRefusal(target, 'websocket')).toBeUndefined();
    expect(upgradeRefusal(target, 'WebSocket')).toBeUndefined();
    expect(upgradeRefusal(target, 'h2c')).toMatchObject({ code: 'proxy.upgrade_refused' });
    expect(upgradeRefusal(target, undefined)).toMatchObject({ code: 'proxy.upgrade_refused' });
    expect(upgradeRefusal({ ...target, method: 'POST' }, 'websocket')).toMatchObject({ code: 'proxy.upgrade_refused' });
    expect(upgradeRefusal({ ...target, path: `${rangerPaths.private}/` }, 'websocket')).toMatchObject({ code: 'proxy.upgrade_refused' });
  });
});
