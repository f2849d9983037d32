import { describe, expect, it, vi } from 'vitest';
import { createElectronClipboard, osClipboardFormat } from './clipboard-writer';

// Electron cannot start here (its binary is downloaded on first run). ClipboardItem is replaced by
// a class that keeps what it was given, so the test sees exactly what would reach the OS.
vi.mock('electron', () => ({
  clipboard: undefined,
  ClipboardItem: class {
    constructor(readonly items: Record<string, string | Blob>) {}
  },
}));

function fakeElectronClipboard() {
  return {
    readText: vi.fn(async () => 'on the clipboard'),
    writeText: vi.fn(async () => undefined),
    write: vi.fn<(items: Electron.ClipboardItem[]) => Promise<void>>(async () => undefined),
    clear: vi.fn(() => undefined),
  };
}

async function writtenFormats(fake: ReturnType<typeof fakeElectronClipboard>): Promise<Record<string, string | number[]>> {
  expect(fake.write).toHaveBeenCalledTimes(1);
  const batch = fake.write.mock.calls[0]?.[0] ?? [];
  expect(batch).toHaveLength(1);
  const { items } = batch[0] as unknown as { items: Record<string, string | Blob> };
  const formats: Record<string, string | number[]> = {};
  for (const [type, payload] of Object.entries(items)) {
    formats[type] = typeof payload === 'string' ? payload : [...new Uint8Array(await payload.arrayBuffer())];
  }
  return formats;
}

describe('Electron clipboard adapter', () => {
  it('writes a secret on Windows with the text and the three history and cloud exclusions, in one item', async () => {
    const fake = fakeElectronClipboard();
    await createElectronClipboard(fake, 'win32').writeSecretText('signed command');
    expect(await writtenFormats(fake)).toEqual({
      'text/plain': 'signed command',
      [osClipboardFormat('ExcludeClipboardContentFromMonitorProcessing')]: [0, 0, 0, 0],
      [osClipboardFormat('CanIncludeInClipboardHistory')]: [0, 0, 0, 0],
      [osClipboardFormat('CanUploadToCloudClipboard')]: [0, 0, 0, 0],
    });
    expect(fake.writeText).not.toHaveBeenCalled();
  });

  it('marks a secret concealed and transient on macOS', async () => {
    const fake = fakeElectronClipboard();
    await createElectronClipboard(fake, 'darwin').writeSecretText('signed command');
    expect(await writtenFormats(fake)).toEqual({
      'text/plain': 'signed command',
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': [1],
      'electron application/osclipboard;format="org.nspasteboard.TransientType"': [1],
    });
  });

  it('gives Klipper its hint on Linux', async () => {
    const fake = fakeElectronClipboard();
    await createElectronClipboard(fake, 'linux').writeSecretText('signed command');
    expect(await writtenFormats(fake)).toEqual({
      'text/plain': 'signed command',
      'electron application/osclipboard;format="x-kde-passwordManagerHint"': [...new TextEncoder().encode('secret')],
    });
  });

  it('writes plain text as text, reads text, and clears by emptying the clipboard', async () => {
    const fake = fakeElectronClipboard();
    const clipboard = createElectronClipboard(fake, 'linux');
    await clipboard.writeText('kid 61d0');
    expect(fake.writeText).toHaveBeenCalledExactlyOnceWith('kid 61d0');
    expect(fake.write).not.toHaveBeenCalled();
    expect(await clipboard.readText()).toBe('on the clipboard');
    await clipboard.clear();
    expect(fake.clear).toHaveBeenCalledTimes(1);
  });
});
