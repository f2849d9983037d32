import { afterEach, describe, expect, it, vi } from 'vitest';
import { peatioPaths } from '../../app/barong/paths';
import { createMemoryClipboard } from '../clipboard/tests/memory-clipboard';
import { newKid, newSecret } from '../vault/tests/vault-fixture';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

const BALANCES = { method: 'GET', path: peatioPaths.balances } as const;

/** A backend whose copier writes to an in-memory OS clipboard, with an account and one imported key. */
async function withClipboard(clearSeconds: number) {
  const memory = createMemoryClipboard();
  const test = testBackend({ clipboard: memory.clipboard });
  await test.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
  // 0 lowers protection, so the owner's passphrase goes with it.
  await test.value('settings.update', { clipboardClearSeconds: clearSeconds, ownerPassphrase: PASSPHRASE });
  const account = await test.value('accounts.create', { name: 'Copied', baseUrl: 'https://copied.example' });
  const secret = newSecret();
  const { key } = await test.value('keys.import', { accountId: account.id, kid: newKid(), secret });
  return { ...test, memory, keyId: key.id, secret };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('signer.copy', () => {
  it('signs now, puts the command on the clipboard marked secret, and clears it after the delay when that comes first', async () => {
    const { value, memory, keyId, secret } = await withClipboard(3);
    // Only the copier's timer is faked: the vault's key derivation and SQLite keep real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const copied = await value('signer.copy', { keyId, format: 'curl', request: BALANCES });
    expect(copied).toMatchObject({ format: 'curl', clearsInSeconds: 3 });
    expect(copied.expiresAtMs).toBeGreaterThan(copied.signedAtMs);
    expect(copied.text).toContain('X-Auth-Signature');
    expect(copied.text).not.toContain(secret);
    expect(memory.state).toEqual({ text: copied.text, secret: true });
    expect((await value('audit.list', { limit: 1 }))[0]).toMatchObject({ action: 'copy', keyId, method: 'GET', path: BALANCES.path });

    await vi.advanceTimersByTimeAsync(2_999);
    expect(memory.state.text).toBe(copied.text);
    await vi.advanceTimersByTimeAsync(1);
    expect(memory.state.text).toBe('');
  });

  it.each([20, 0])('clears a signed command when it expires, before a delay of %i s, and says when', async (clearSeconds) => {
    const { value, memory, keyId } = await withClipboard(clearSeconds);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const copied = await value('signer.copy', { keyId, format: 'httpie', request: BALANCES });
    const msLeft = copied.expiresAtMs === null ? 0 : copied.expiresAtMs - Date.now();
    // The real time left of the 5 s nonce lifetime, give or take the milliseconds the answer took.
    expect(copied.clearsInSeconds).toBeGreaterThan(4);
    expect(copied.clearsInSeconds).toBeLessThanOrEqual(5);
    expect(Math.abs(copied.clearsInSeconds * 1000 - msLeft)).toBeLessThan(100);

    await vi.advanceTimersByTimeAsync(copied.clearsInSeconds * 1000 - 50);
    expect(memory.state.text).toBe(copied.text);
    await vi.advanceTimersByTimeAsync(50);
    expect(memory.state.text).toBe('');
  });

  it('copies the script, which holds no signature, as plain text that stays', async () => {
    const { value, memory, keyId } = await withClipboard(5);
    const before = await value('audit.list', {});
    const copied = await value('signer.copy', { keyId, format: 'script', request: BALANCES });
    expect(copied).toMatchObject({ format: 'script', expiresAtMs: null, clearsInSeconds: 0 });
    expect(memory.state).toEqual({ text: copied.text, secret: false });
    expect(await value('audit.list', {})).toEqual(before);
  });

  it('answers clipboard.unavailable, in words, where the backend has no clipboard, and signs nothing', async () => {
    const { value, call } = testBackend();
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    const account = await value('accounts.create', { name: 'No clipboard', baseUrl: 'https://none.example' });
    const { key } = await value('keys.import', { accountId: account.id, kid: newKid(), secret: newSecret() });
    const before = await value('audit.list', {});
    const result = await call('signer.copy', { keyId: key.id, format: 'httpie', request: BALANCES });
    expect(result).toEqual({ ok: false, error: { code: 'clipboard.unavailable', message: expect.stringMatching(/no clipboard/) } });
    expect(await value('audit.list', {})).toEqual(before);
  });

  it('copies nothing from a locked vault', async () => {
    const { value, errorCode, memory, keyId } = await withClipboard(5);
    await value('vault.lock');
    expect(await errorCode('signer.copy', { keyId, format: 'curl', request: BALANCES })).toBe('vault.locked');
    expect(memory.state.text).toBe('');
  });
});
