import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../app/contract/channels';
import { DEFAULT_POLICY, policyForLevel } from '../../app/domain/agent-policy';
import { agentUseWords, loweredProtectionWords, PRIVILEGED_CHANNELS } from './privileged-channels';

const takesOwnerProof = (schema: z.ZodType): boolean => {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  return inner instanceof z.ZodObject && 'ownerPassphrase' in inner.shape;
};

describe('the list of privileged channels', () => {
  it("is exactly the channels whose request can carry the owner's proof", () => {
    const withProof = CHANNEL_NAMES.filter((channel) => takesOwnerProof(contract[channel].request));
    expect(Object.keys(PRIVILEGED_CHANNELS).sort()).toEqual([...withProof].sort());
  });

  it('names what releases a secret, redirects, lowers protection or changes a wrap', () => {
    expect(Object.keys(PRIVILEGED_CHANNELS)).toEqual(
      expect.arrayContaining([
        'keys.reveal',
        'keys.setPolicy',
        'backup.export',
        'accounts.update',
        'accounts.setTotpSeed',
        'vault.setPassphrase',
        'vault.removePassphrase',
        'vault.addKeychain',
        'vault.removeKeychain',
        'settings.update',
      ]),
    );
  });
});

describe('agentUseWords', () => {
  const key = 'key "bot" (a1b2c3d4e5f6a7b8) of "Main"';

  it.each([
    [DEFAULT_POLICY, 'Close key "bot" (a1b2c3d4e5f6a7b8) of "Main" to local programs'],
    [
      policyForLevel('trade', { requests: 100, windowSeconds: 60 }),
      'Let local programs sign with key "bot" (a1b2c3d4e5f6a7b8) of "Main": Trade: read, and create and cancel orders, up to 100 requests in 60 s',
    ],
    [
      { ...policyForLevel('all'), withdrawalPaths: ['/api/v2/peatio/account/withdraws'] },
      'Let local programs sign with key "bot" (a1b2c3d4e5f6a7b8) of "Main": Everything but withdrawals, up to 6000 requests in 300 s, and withdrawals at /api/v2/peatio/account/withdraws',
    ],
    [
      { ...DEFAULT_POLICY, agentUse: true, rules: [{ methods: ['GET' as const], pathPrefix: '/api/v2/peatio/public' }] },
      'Let local programs sign with key "bot" (a1b2c3d4e5f6a7b8) of "Main": Custom rules, up to 6000 requests in 300 s',
    ],
  ])('%j: %s', (policy, words) => {
    expect(agentUseWords(key, policy)).toBe(words);
  });
});

describe('loweredProtectionWords', () => {
  const current = { autoLockMinutes: 10, clipboardClearSeconds: 20, defaultCommandFormat: 'curl' as const, theme: 'system' as const };

  it.each([
    [{ autoLockMinutes: 0 }, 'Turn auto-lock off'],
    [{ autoLockMinutes: 11 }, 'Lock the vault after 11 min of inactivity instead of 10 min'],
    [{ clipboardClearSeconds: 0 }, 'Stop clearing copied secrets from the clipboard (a signed command still goes when it expires)'],
    [{ clipboardClearSeconds: 60 }, 'Keep copied commands on the clipboard for 60 s instead of 20 s'],
    [
      { autoLockMinutes: 0, clipboardClearSeconds: 0 },
      'Turn auto-lock off; Stop clearing copied secrets from the clipboard (a signed command still goes when it expires)',
    ],
  ])('%j lowers it: %s', (changes, words) => {
    expect(loweredProtectionWords(current, changes)).toBe(words);
  });

  it.each([[{}], [{ autoLockMinutes: 10 }], [{ autoLockMinutes: 1 }], [{ clipboardClearSeconds: 5 }]])('%j does not', (changes) => {
    expect(loweredProtectionWords(current, changes)).toBeNull();
  });

  it('from "off", any value protects more', () => {
    expect(
      loweredProtectionWords({ ...current, autoLockMinutes: 0, clipboardClearSeconds: 0 }, { autoLockMinutes: 600, clipboardClearSeconds: 600 }),
    ).toBeNull();
  });
});
