import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryClipboard } from '../clipboard/tests/memory-clipboard';
import { newKid, newSecret } from '../vault/tests/vault-fixture';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

/** A backend whose copier writes to an in-memory OS clipboard, with an account and one imported key. */
async function withKey(options: { clipboard: boolean } = { clipboard: true }) {
  const memory = createMemoryClipboard();
  const test = testBackend(options.clipboard ? { clipboard: memory.clipboard } : {});
  await test.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
  const account = await test.value('accounts.create', { name: 'Copied', baseUrl: 'https://copied.example' });
  const kid = newKid();
  const secret = newSecret();
  const { key } = await test.value('keys.import', { accountId: account.id, kid, secret, label: 'bot' });
  return { ...test, memory, keyId: key.id, kid, secret };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('keys.copyKid', () => {
  it('puts the kid of the key, looked up by main, on the clipboard as plain text that stays', async () => {
    const { value, memory, keyId, kid } = await withKey();
    expect(await value('keys.copyKid', { keyId })).toBeNull();
    expect(memory.state).toEqual({ text: kid, secret: false });
  });

  it('answers vault.not_found for a key not in the vault, and clipboard.unavailable where there is none', async () => {
    const { errorCode, memory } = await withKey();
    expect(await errorCode('keys.copyKid', { keyId: '00000000-0000-4000-8000-000000000000' })).toBe('vault.not_found');
    expect(memory.state.text).toBe('');
    const bare = await withKey({ clipboard: false });
    expect(await bare.errorCode('keys.copyKid', { keyId: bare.keyId })).toBe('clipboard.unavailable');
  });
});

describe("keys.reveal with deliver: 'clipboard'", () => {
  it('needs the owner, copies the secret marked secret, answers only when it clears, audits a reveal, and clears it', async () => {
    const { value, call, errorCode, memory, keyId, secret } = await withKey();
    expect(await errorCode('keys.reveal', { keyId, deliver: 'clipboard' })).toBe('owner.passphrase_required');
    expect(await errorCode('keys.reveal', { keyId, deliver: 'clipboard', ownerPassphrase: 'not the passphrase' })).toBe('vault.wrong_passphrase');
    expect(memory.state.text).toBe('');

    // Only the copier's timer is faked: the vault's key derivation and SQLite keep real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const result = await call('keys.reveal', { keyId, deliver: 'clipboard', ownerPassphrase: PASSPHRASE });
    // The whole answer, as it would cross to the page: the clearing delay (the 20 s default), and no secret.
    expect(result).toEqual({ ok: true, value: { clearsInSeconds: 20 } });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(memory.state).toEqual({ text: secret, secret: true });

    const audit = await value('audit.list', { limit: 2 });
    expect(audit.map((entry) => entry.action)).toEqual(['reveal-secret', 'owner-check']);
    expect(audit[1]?.outcome).toMatch(/Copy the secret of key "bot" \([0-9a-f]+\) of "Copied" to the clipboard/);
    expect(JSON.stringify(audit)).not.toContain(secret);

    await vi.advanceTimersByTimeAsync(19_999);
    expect(memory.state.text).toBe(secret);
    await vi.advanceTimersByTimeAsync(1);
    expect(memory.state.text).toBe('');
  });

  it('shows the secret on the page by default, as before', async () => {
    const { value, memory, keyId, secret } = await withKey();
    expect(await value('keys.reveal', { keyId, ownerPassphrase: PASSPHRASE })).toEqual({ secret });
    expect(await value('keys.reveal', { keyId, deliver: 'page', ownerPassphrase: PASSPHRASE })).toEqual({ secret });
    expect(memory.state.text).toBe('');
  });

  it('answers clipboard.unavailable where there is no clipboard, and reveals nothing', async () => {
    const { value, call, keyId, secret } = await withKey({ clipboard: false });
    const result = await call('keys.reveal', { keyId, deliver: 'clipboard', ownerPassphrase: PASSPHRASE });
    expect(result).toEqual({ ok: false, error: { code: 'clipboard.unavailable', message: expect.stringMatching(/no clipboard/) } });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect((await value('audit.list', {})).map((entry) => entry.action)).not.toContain('reveal-secret');
  });
});
