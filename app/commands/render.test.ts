import { describe, expect, it } from 'vitest';
import { renderSignedCommand, SIGNED_COMMAND_FORMATS } from './render';
import type { SignedCommandFormat } from './render';
import type { SignedRequest } from './request';

const request: SignedRequest = {
  baseUrl: 'https://exchange.example',
  method: 'GET',
  path: '/api/v2/peatio/account/balances',
  query: [],
  headers: { 'X-Auth-Apikey': '61d025b8573501c2', 'X-Auth-Nonce': '1584524005143', 'X-Auth-Signature': '5'.repeat(64) },
};

describe('renderSignedCommand', () => {
  it.each(SIGNED_COMMAND_FORMATS)('%s: reports when the nonce is refused', (format) => {
    const rendered = renderSignedCommand(format, request, 5000);
    expect(rendered.format).toBe(format);
    expect(rendered.expiresAtMs).toBe(1584524010143);
    expect(rendered.text).toContain('1584524005143');
  });

  it('starts each format with its program', () => {
    expect(SIGNED_COMMAND_FORMATS.map((format) => renderSignedCommand(format, request, 5000).text.split(' ')[0])).toEqual(['http', 'curl', '$headers']);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the nonce lifetime %s', (lifetime) => {
    expect(() => renderSignedCommand('curl', request, lifetime)).toThrow(expect.objectContaining({ code: 'input.nonce_lifetime_invalid' }));
  });

  it('refuses an unknown format, a bad request and bad headers', () => {
    expect(() => renderSignedCommand('wget' as SignedCommandFormat, request, 5000)).toThrow(expect.objectContaining({ code: 'input.format_unknown' }));
    expect(() => renderSignedCommand('toString' as SignedCommandFormat, request, 5000)).toThrow(expect.objectContaining({ code: 'input.format_unknown' }));
    expect(() => renderSignedCommand('curl', { ...request, path: 'no-slash' }, 5000)).toThrow(expect.objectContaining({ code: 'input.path_invalid' }));
    const headers = { ...request.headers, 'X-Auth-Nonce': '' };
    expect(() => renderSignedCommand('httpie', { ...request, headers }, 5000)).toThrow(expect.objectContaining({ code: 'input.nonce_invalid' }));
  });

  it("puts one argument per line with the shell's continuation: a backslash for POSIX shells, a backtick for PowerShell", () => {
    for (const format of ['curl', 'httpie'] as const) {
      const lines = renderSignedCommand(format, request, 5000, 'one-per-line').text.split('\n');
      expect(lines.length).toBeGreaterThan(3);
      expect(lines.slice(0, -1).every((line) => line.endsWith(' \\'))).toBe(true);
      expect(lines.join(' ').replace(/ \\ {3}/g, ' ')).toBe(renderSignedCommand(format, request, 5000).text);
    }
    const [headers, ...invoke] = renderSignedCommand('powershell', request, 5000, 'one-per-line').text.split('\n');
    expect(headers).toMatch(/^\$headers = @\{ /);
    expect(invoke.slice(0, -1).every((line) => line.endsWith(' `'))).toBe(true);
    expect(invoke.map((line) => line.trim().replace(/ `$/, '')).join(' ')).toBe(renderSignedCommand('powershell', request, 5000).text.split('\n')[1]);
  });
});
