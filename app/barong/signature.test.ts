import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fixtures from '../../test/fixtures/signature-vectors.json';
import { computeSignature, signHeaders } from './signature';

describe('signature', () => {
  it.each(fixtures.vectors)('matches vector $kid / $nonce', (vector) => {
    expect(computeSignature(vector)).toBe(vector.signature);
    expect(signHeaders(vector)).toEqual({
      'X-Auth-Apikey': vector.kid,
      'X-Auth-Nonce': vector.nonce,
      'X-Auth-Signature': vector.signature,
    });
  });

  it('uses the secret as ASCII bytes, not hex-decoded', () => {
    const secret = '2d0b4979c7fe6986daa8e21d1dc0644f';
    const hexDecoded = createHmac('sha256', Buffer.from(secret, 'hex'))
      .update('1' + 'kid')
      .digest('hex');
    expect(computeSignature({ secret, nonce: '1', kid: 'kid' })).not.toBe(hexDecoded);
  });

  it('covers only nonce + kid, in that order', () => {
    const input = { secret: 's3cr3t', nonce: '1584524005143', kid: '61d025b8573501c2' };
    const swapped = createHmac('sha256', input.secret)
      .update(input.kid + input.nonce)
      .digest('hex');
    expect(computeSignature(input)).not.toBe(swapped);
    expect(computeSignature(input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses malformed input with a typed error', () => {
    expect(() => signHeaders({ kid: 'abc def', secret: 'x', nonce: '1' })).toThrow(expect.objectContaining({ code: 'input.kid_invalid' }));
    expect(() => signHeaders({ kid: 'k', secret: '', nonce: '1' })).toThrow(expect.objectContaining({ code: 'input.secret_blank' }));
    expect(() => signHeaders({ kid: 'k', secret: 's', nonce: '1.5' })).toThrow(expect.objectContaining({ code: 'input.nonce_invalid' }));
  });
});
