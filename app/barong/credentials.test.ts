import { describe, expect, it } from 'vitest';
import { checkKid, checkNonce, checkSecret } from './credentials';

describe('credential checks', () => {
  it('accepts current shapes without warnings', () => {
    expect(checkKid('61d025b8573501c2')).toEqual([]);
    expect(checkSecret('2d0b4979c7fe6986daa8e21d1dc0644f')).toEqual([]);
  });

  it('warns about, but accepts, shapes older or customised deployments use', () => {
    expect(checkKid('MY-KEY-1')).toHaveLength(1);
    expect(checkSecret('short')).toHaveLength(1);
  });

  it.each([
    ['', 'input.kid_blank'],
    ['61d0 25b8', 'input.kid_invalid'],
    ['61d025b8\n', 'input.kid_invalid'],
    ['clé', 'input.kid_invalid'],
  ])('rejects kid %j', (kid, code) => {
    expect(() => checkKid(kid)).toThrow(expect.objectContaining({ code }));
  });

  it('never quotes the secret back in its errors', () => {
    const secret = 'hunter2 with a space';
    try {
      checkSecret(secret);
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('hunter2');
    }
  });

  it.each(['0', '-1', '01', '1.0', '1e3', ' 1', '', 'abc'])('rejects nonce %j', (nonce) => {
    expect(() => checkNonce(nonce)).toThrow(expect.objectContaining({ code: 'input.nonce_invalid' }));
  });

  it('accepts a millisecond nonce', () => {
    expect(() => checkNonce('1584524005143')).not.toThrow();
  });
});
