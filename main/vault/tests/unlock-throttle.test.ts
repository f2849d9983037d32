import { afterEach, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../unlock-throttle';
import { ManualClock } from './manual-clock';
import { withRawDatabase } from './raw-database';
import { PASSPHRASE, vaultRejection, VaultFixture } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const WRONG = 'not the passphrase';
const FREE_TRIES = 2;

async function lockedVault() {
  const path = fixture.newPath();
  const clock = new ManualClock();
  const vault = fixture.open({ path, now: clock.now });
  await vault.access.create({ passphrase: PASSPHRASE, keychain: false });
  vault.access.lock();
  return { path, clock, vault };
}

const failureCount = (path: string) => withRawDatabase(path, (db) => db.prepare('SELECT count FROM unlock_failures').pluck().get());

describe('wrong passphrases', () => {
  it('are free twice, then make the next try wait, doubling up to 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(retryDelayMs)).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000]);
    expect(retryDelayMs(40)).toBe(5 * 60 * 1000);
  });

  it('throttle the next try, even with the right passphrase, until the delay has passed; success resets the count', async () => {
    const { path, clock, vault } = await lockedVault();
    for (let tries = 0; tries < FREE_TRIES; tries += 1) expect((await vaultRejection(vault.access.unlock(WRONG))).code).toBe('vault.wrong_passphrase');

    const throttled = await vaultRejection(vault.access.unlock(PASSPHRASE));
    expect(throttled.code).toBe('vault.throttled');
    expect(throttled.retryAfterMs).toBeGreaterThan(0);
    expect(throttled.message).toMatch(/try again in \d+ s/);
    expect(vault.access.isUnlocked()).toBe(false);

    clock.advance((throttled.retryAfterMs ?? 0) - 1);
    expect((await vaultRejection(vault.access.unlock(PASSPHRASE))).code).toBe('vault.throttled');
    clock.advance(1);
    await vault.access.unlock(PASSPHRASE);
    expect(vault.access.isUnlocked()).toBe(true);
    expect(failureCount(path)).toBe(0);

    vault.access.lock();
    expect((await vaultRejection(vault.access.unlock(WRONG))).code).toBe('vault.wrong_passphrase');
    await vault.access.unlock(PASSPHRASE);
  });

  it('stay counted when the vault is closed and opened again', async () => {
    const { path, clock, vault } = await lockedVault();
    for (let tries = 0; tries <= FREE_TRIES; tries += 1) {
      clock.advance(60 * 60 * 1000);
      expect((await vaultRejection(vault.access.unlock(WRONG))).code).toBe('vault.wrong_passphrase');
    }
    vault.close();

    const reopened = fixture.open({ path, now: clock.now });
    const throttled = await vaultRejection(reopened.access.unlock(PASSPHRASE));
    expect(throttled.code).toBe('vault.throttled');
    expect(throttled.retryAfterMs).toBe(retryDelayMs(FREE_TRIES + 1));
  });

  it('made all at once cannot step around the throttle', async () => {
    const { path, vault } = await lockedVault();
    const tries = await Promise.allSettled(Array.from({ length: 8 }, () => vault.access.unlock(WRONG)));
    const codes = tries.map((result) => (result.status === 'rejected' ? (result.reason as { code: string }).code : 'unlocked'));
    expect(codes.filter((code) => code === 'vault.wrong_passphrase')).toHaveLength(FREE_TRIES);
    expect(codes.filter((code) => code === 'vault.throttled')).toHaveLength(8 - FREE_TRIES);
    expect(failureCount(path)).toBe(FREE_TRIES);
  });
});
