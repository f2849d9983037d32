import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainError, knownErrorCodes, parseErrorBody } from './error-catalogue';

// The protocol reference kept in the repo: every error code it names must be explained.
const protocol = readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');
const CODE = /\b(?:authz|identity|resource|totp|kid|algorithm|record|market|account)\.[a-z0-9_.]*[a-z0-9_]/g;
// The reference writes these in shorthand ("`.deleted`", "named these `missing_otp`").
const SHORTHAND = ['identity.session.deleted', 'identity.session.not_active', 'resource.api_key.missing_otp', 'resource.api_key.invalid_otp'];
const documentedCodes = [...new Set([...protocol.matchAll(CODE)].map((match) => match[0]))].filter((code) => code !== 'authz.restrict');

describe('error catalogue', () => {
  it('finds the codes of the protocol reference', () => {
    expect(documentedCodes.length).toBeGreaterThanOrEqual(34);
  });

  it.each([...documentedCodes, ...SHORTHAND])('explains %s', (code) => {
    const explained = explainError(code);
    expect(explained.known).toBe(true);
    expect(explained.message).not.toBe(code);
    expect(explained.action.length).toBeGreaterThan(0);
  });

  it('says how long the nonce window is', () => {
    expect(explainError('authz.nonce_expired', { nonceLifetimeMs: 30_000 }).message).toContain('30 s');
    expect(explainError('authz.nonce_expired').message).toContain('5 s');
  });

  it('accepts both names of the 2FA errors on api keys', () => {
    expect(explainError('resource.api_key.invalid_otp').message).toBe(explainError('resource.api_key.invalid_totp').message);
    expect(knownErrorCodes()).toContain('resource.api_key.missing_otp');
  });

  it('explains any platform restriction, naming its kind', () => {
    expect(explainError('authz.restrict.blacklist').message).toContain('blacklist');
    expect(explainError('authz.restrict.maintenance').message).toContain('maintenance');
  });

  it('passes unknown codes through verbatim', () => {
    expect(explainError('peatio.some.new_error')).toEqual({ code: 'peatio.some.new_error', message: 'peatio.some.new_error', action: '', known: false });
  });

  it.each([
    [{ errors: ['authz.nonce_expired', 'x'] }, ['authz.nonce_expired', 'x']],
    [{ errors: 'market.trade.not_permitted' }, ['market.trade.not_permitted']],
    ['record.not_found', ['record.not_found']],
    [{ errors: [1, 'a'] }, ['a']],
    [{ message: 'nope' }, []],
    [null, []],
    [{ errors: '' }, []],
  ])('parses error body %j', (body, codes) => {
    expect(parseErrorBody(body)).toEqual(codes);
  });
});
