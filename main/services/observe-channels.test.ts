import { describe, expect, it, vi } from 'vitest';
import { observeChannels } from './observe-channels';
import type { Settings } from './observe-channels';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

function observed() {
  const test = testBackend();
  const unlocked = vi.fn();
  const seen: Settings[] = [];
  const channels = observeChannels(test.backend.channels, { unlocked, settings: (settings) => seen.push(settings) });
  return { channels, unlocked, seen };
}

describe('observeChannels', () => {
  it('reports the unlocks of create and unlock, and not a failed unlock or a lock', async () => {
    const { channels, unlocked } = observed();
    expect(await channels['vault.create']({ passphrase: PASSPHRASE, keychain: false })).toMatchObject({ ok: true });
    expect(unlocked).toHaveBeenCalledTimes(1);
    await channels['vault.lock'](undefined);
    expect(await channels['vault.unlock']({ passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false });
    expect(unlocked).toHaveBeenCalledTimes(1);
    expect(await channels['vault.unlock']({ passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(unlocked).toHaveBeenCalledTimes(2);
  });

  it('reports the settings when read and when changed, not when a change is refused', async () => {
    const { channels, seen } = observed();
    await channels['settings.get'](undefined);
    expect(seen.map((settings) => settings.autoLockMinutes)).toEqual([10]);
    await channels['vault.create']({ passphrase: PASSPHRASE, keychain: false });
    await channels['settings.update']({ autoLockMinutes: 3, clipboardClearSeconds: 45 });
    await channels['settings.update']({ autoLockMinutes: -1 });
    expect(seen.map(({ autoLockMinutes, clipboardClearSeconds }) => [autoLockMinutes, clipboardClearSeconds])).toEqual([
      [10, 20],
      [3, 45],
    ]);
  });

  it('passes every other channel through untouched', () => {
    const test = testBackend();
    const channels = observeChannels(test.backend.channels, { unlocked: vi.fn(), settings: vi.fn() });
    expect(channels['keys.list']).toBe(test.backend.channels['keys.list']);
    expect(Object.keys(channels).sort()).toEqual(Object.keys(test.backend.channels).sort());
  });
});
