import { describe, expect, it } from 'vitest';
import { historyExclusionFormats } from './history-markers';

describe('historyExclusionFormats', () => {
  it('keeps a secret out of Windows clipboard history and cloud clipboard', () => {
    const formats = historyExclusionFormats('win32');
    expect(Object.keys(formats).sort()).toEqual(['CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard', 'ExcludeClipboardContentFromMonitorProcessing']);
    // Windows reads the two "Can..." formats as a DWORD: zero means no.
    expect([...(formats.CanIncludeInClipboardHistory ?? [])]).toEqual([0, 0, 0, 0]);
    expect([...(formats.CanUploadToCloudClipboard ?? [])]).toEqual([0, 0, 0, 0]);
  });

  it('marks a secret concealed and transient for macOS clipboard managers', () => {
    const formats = historyExclusionFormats('darwin');
    expect(Object.keys(formats).sort()).toEqual(['org.nspasteboard.ConcealedType', 'org.nspasteboard.TransientType']);
    for (const payload of Object.values(formats)) expect(payload.length).toBeGreaterThan(0);
  });

  it('gives KDE Klipper its password-manager hint on Linux', () => {
    const formats = historyExclusionFormats('linux');
    expect(Object.keys(formats)).toEqual(['x-kde-passwordManagerHint']);
    expect(new TextDecoder().decode(formats['x-kde-passwordManagerHint'])).toBe('secret');
  });
});
