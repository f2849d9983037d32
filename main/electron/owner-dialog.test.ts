import { describe, expect, it, vi } from 'vitest';
import { createOwnerDialog } from './owner-dialog';
import type { OwnerDialogParts } from './owner-dialog';

// Electron cannot start here: the adapter is checked against fakes of the calls it makes.
vi.mock('electron', () => ({ dialog: undefined, systemPreferences: undefined }));

function parts(overrides: Partial<OwnerDialogParts> = {}) {
  return {
    showMessageBox: vi.fn(async () => ({ response: 0 })),
    canPromptTouchID: vi.fn(() => false),
    promptTouchID: vi.fn(async () => undefined),
    platform: 'linux' as NodeJS.Platform,
    ...overrides,
  };
}

const REQUEST = { action: 'Show the secret of key bot of "Main"' };

describe('the owner dialog', () => {
  it('names the action in a native box whose default and Escape answer is Cancel', async () => {
    const fake = parts();
    expect(await createOwnerDialog(() => undefined, fake).confirm(REQUEST)).toBe(false);
    expect(fake.showMessageBox).toHaveBeenCalledWith(
      undefined,
      expect.objectContaining({ message: `${REQUEST.action}?`, buttons: ['Cancel', 'Allow'], defaultId: 0, cancelId: 0 }),
    );
  });

  it('confirms only when the owner chooses Allow', async () => {
    expect(await createOwnerDialog(() => undefined, parts({ showMessageBox: vi.fn(async () => ({ response: 1 })) })).confirm(REQUEST)).toBe(true);
  });

  it('uses Touch ID on a Mac that offers it, and a failed or cancelled touch refuses', async () => {
    const touched = parts({ platform: 'darwin', canPromptTouchID: () => true });
    expect(await createOwnerDialog(() => undefined, touched).confirm(REQUEST)).toBe(true);
    expect(touched.promptTouchID).toHaveBeenCalledWith('show the secret of key bot of "Main"');
    expect(touched.showMessageBox).not.toHaveBeenCalled();

    const cancelled = parts({ platform: 'darwin', canPromptTouchID: () => true, promptTouchID: vi.fn(async () => Promise.reject(new Error('cancelled'))) });
    expect(await createOwnerDialog(() => undefined, cancelled).confirm(REQUEST)).toBe(false);
  });

  it('falls back to the box on a Mac without Touch ID', async () => {
    const fake = parts({ platform: 'darwin' });
    await createOwnerDialog(() => undefined, fake).confirm(REQUEST);
    expect(fake.showMessageBox).toHaveBeenCalledTimes(1);
  });
});
