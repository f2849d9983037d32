import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../app/contract/channels';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

const deep = (levels: number, leaf: unknown): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => ({ body: inner, 0: [inner] }), leaf);

/** Payloads a compromised renderer could send: anything structured clone can carry, and worse. */
const hostile = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true, maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'accountId', 'keyId', 'passphrase', 'request', 'body'), fc.anything({ maxDepth: 2 })),
  fc.constantFrom('__proto__', 'constructor').map((key) => JSON.parse(`{"${key}": {"polluted": true}, "keyId": "${crypto.randomUUID()}"}`) as unknown),
  fc.integer({ min: 100, max: 20_000 }).map((levels) => deep(levels, 'leaf')),
  fc.integer({ min: 100_000, max: 3_000_000 }).map((length) => ({ text: 'x'.repeat(length), passphrase: 'y'.repeat(length), name: 'z'.repeat(length) })),
  fc.constant({ keyId: crypto.randomUUID(), format: 'curl', request: { method: 'POST', path: '/', body: deep(5000, 1) } }),
);

describe('hostile payloads', () => {
  it('never make a channel throw or answer anything but a well-formed Result', async () => {
    const locked = testBackend();
    const unlocked = testBackend();
    await unlocked.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), hostile, fc.boolean(), async (channel, payload, useUnlocked) => {
        const result = await (useUnlocked ? unlocked : locked).call(channel, payload);
        if (!result.ok) expect(result.error.code).not.toBe('internal');
      }),
      { numRuns: 600 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a payload that makes the parser itself throw', () => {
  it('is answered input.invalid in words, for every channel, and nothing runs', async () => {
    const { call, value } = testBackend();
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    // Structured clone cannot carry one, but a door that passes objects through could: every read of it throws.
    const exploding = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        has: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
        getPrototypeOf: () => {
          throw new Error('boom');
        },
      },
    );
    // Channels that read no field never touch it; every other one must answer in words.
    const readingFields = CHANNEL_NAMES.filter((channel) => !contract[channel].request.safeParse(undefined).success);
    expect(readingFields.length).toBeGreaterThan(20);
    for (const channel of readingFields) {
      expect(await call(channel, exploding), channel).toEqual({ ok: false, error: { code: 'input.invalid', message: 'The request could not be read.' } });
    }
    expect(await value('audit.list', {})).toEqual([]);
  });
});
