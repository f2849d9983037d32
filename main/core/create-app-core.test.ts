import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSPHRASE, testBackend } from '../services/tests/backend-fixture';

const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

// The auto-lock learns of unlocks and of its setting from the vault itself, whichever door caused them.
describe('the core', () => {
  it('locks an idle vault after the setting, counted from the unlock, and emits vault.locked', async () => {
    const { value, eventsNamed } = testBackend();
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    await value('settings.update', { autoLockMinutes: 2 });
    await value('vault.lock');
    // Only the auto-lock's timer is faked: the key derivation and SQLite keep real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await value('vault.unlock', { passphrase: PASSPHRASE });
    await vi.advanceTimersByTimeAsync(2 * MINUTE - 1);
    expect((await value('vault.status')).unlocked).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect((await value('vault.status')).unlocked).toBe(false);
    expect(eventsNamed('vault.locked')).toHaveLength(2);
  });

  it('takes a new idle setting at once', async () => {
    const { value, core } = testBackend();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    await value('settings.update', { autoLockMinutes: 1 });
    core.autoLock.userActive();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect((await value('vault.status')).unlocked).toBe(false);
  });

  it('turns the auto-lock off only with the owner, and then leaves the vault open', async () => {
    const { value, errorCode } = testBackend();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    expect(await errorCode('settings.update', { autoLockMinutes: 0 })).toBe('owner.passphrase_required');
    await value('settings.update', { autoLockMinutes: 0, ownerPassphrase: PASSPHRASE });
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect((await value('vault.status')).unlocked).toBe(true);
  });
});
