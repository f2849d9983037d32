import { describe, expect, it } from 'vitest';
import { loweredProtection } from './lowered-protection';

const current = { autoLockMinutes: 10, clipboardClearSeconds: 20 };

describe('loweredProtection', () => {
  it('names turning auto-lock off, a longer clipboard time, and both at once', () => {
    expect(loweredProtection(current, { autoLockMinutes: 0 })).toEqual([{ setting: 'autoLockMinutes', from: 10, to: 0 }]);
    expect(loweredProtection(current, { clipboardClearSeconds: 60 })).toEqual([{ setting: 'clipboardClearSeconds', from: 20, to: 60 }]);
    expect(loweredProtection(current, { autoLockMinutes: 30, clipboardClearSeconds: 0 }).map((lowering) => lowering.setting)).toEqual([
      'autoLockMinutes',
      'clipboardClearSeconds',
    ]);
  });

  it('lets a shorter, unchanged or absent value through, and anything once the protection is already off', () => {
    expect(loweredProtection(current, { autoLockMinutes: 5, clipboardClearSeconds: 20 })).toEqual([]);
    expect(loweredProtection(current, {})).toEqual([]);
    expect(loweredProtection({ autoLockMinutes: 0, clipboardClearSeconds: 0 }, { autoLockMinutes: 1440, clipboardClearSeconds: 600 })).toEqual([]);
  });
});
