import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../app/contract/channels';
import { DEFAULT_POLICY } from '../../app/domain/agent-policy';
import type { ChannelName } from '../../app/contract/channels';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

const JUNK: unknown[] = [42, 'vault', true, null, [], [{}], Number.NaN];
const NOT_AN_ID = 'not-a-vault-id';

const WRONG_SIGNING = [
  { keyId: crypto.randomUUID(), format: 'bash', request: { method: 'GET', path: '/' } },
  { keyId: crypto.randomUUID(), format: 'curl', request: { method: 'TRACE', path: '/' } },
  { keyId: crypto.randomUUID(), format: 'curl', request: { method: 'POST', path: '/', body: { n: Number.POSITIVE_INFINITY } } },
];

// Each channel with a request that is an object of the right kind but wrong inside.
const WRONG_INSIDE: Partial<Record<ChannelName, unknown[]>> = {
  'vault.create': [{}, { keychain: 'yes' }, { passphrase: 8, keychain: false }],
  'vault.unlock': [{ passphrase: ['x'] }],
  'vault.setPassphrase': [{}, { next: 'x'.repeat(5000) }],
  'accounts.create': [{}, { name: 'A' }, { name: 'A', baseUrl: 7 }],
  'accounts.update': [{ accountId: NOT_AN_ID, fields: { name: 'A', baseUrl: 'https://a.example' } }],
  'accounts.reorder': [{ accountIds: [NOT_AN_ID] }],
  'accounts.setTotpSeed': [{ accountId: NOT_AN_ID, seed: null }],
  'keys.import': [{ accountId: NOT_AN_ID, kid: 'k', secret: 's' }],
  'keys.reveal': [{ keyId: NOT_AN_ID, passphrase: PASSPHRASE }],
  'keys.setPolicy': [
    { keyId: crypto.randomUUID(), policy: { ...DEFAULT_POLICY, agentUse: true, withdrawalPaths: ['/api/v2/peatio/market/../account/withdraws'] } },
    { keyId: crypto.randomUUID(), policy: { ...DEFAULT_POLICY, budget: { requests: 0, windowSeconds: 60 } } },
    { keyId: crypto.randomUUID(), policy: { agentUse: true } },
  ],
  'exchange.login': [{ accountId: NOT_AN_ID, email: 'a@b.c', password: 'p' }],
  'exchange.createKey': [
    { accountId: crypto.randomUUID(), code: '12345' },
    { accountId: crypto.randomUUID(), code: 'abcdef' },
  ],
  'signer.render': WRONG_SIGNING,
  'signer.copy': WRONG_SIGNING,
  'signer.send': [{ keyId: crypto.randomUUID(), request: { method: 'GET', path: '/', query: [['a']] } }],
  'requests.list': [{ accountId: NOT_AN_ID }],
  'requests.save': [
    { accountId: NOT_AN_ID, name: 'n', request: { method: 'GET', path: '/' } },
    { accountId: crypto.randomUUID(), name: 'n'.repeat(101), request: { method: 'GET', path: '/' } },
    { accountId: crypto.randomUUID(), name: 'n', request: { method: 'TRACE', path: '/' } },
    { accountId: crypto.randomUUID(), name: 'n', request: { method: 'GET', path: '/', query: Array.from({ length: 201 }, () => ['a', 'b']) } },
  ],
  'requests.delete': [{ requestId: NOT_AN_ID }],
  'settings.update': [{ theme: 'neon' }],
  'audit.list': [{ limit: 0 }, { limit: 1.5 }],
  'backup.import': [{ contentBase64: 'not base64!', passphrase: PASSPHRASE }],
};

describe('malformed requests', () => {
  it.each(CHANNEL_NAMES)('%s answers input.invalid, without throwing', async (channel) => {
    const { call, value } = testBackend();
    // Unlocked, so that no answer is vault.locked for a request that should not get that far.
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    for (const input of [...JUNK, ...(WRONG_INSIDE[channel] ?? [])]) {
      const result = await call(channel, input);
      expect(result.ok ? 'ok' : result.error.code, `${channel} ${JSON.stringify(input)}`).toBe('input.invalid');
    }
  });

  it('names the field and what is wrong with it, in a short message', async () => {
    const { call } = testBackend();
    const result = await call('keys.edit', { keyId: crypto.randomUUID(), label: 'x'.repeat(100_000) });
    expect(result).toEqual({ ok: false, error: { code: 'input.invalid', message: 'The request (label): At most 100 characters.' } });
  });
});
