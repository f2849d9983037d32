/**
 * Raw clipboard formats that ask the OS and clipboard managers not to keep a copied secret: no
 * history, no cloud sync. They are written in the same clipboard transaction as the text. Readers
 * that honour them look at their presence; the payloads are what each convention specifies.
 *
 * - Windows (10 1809+): `ExcludeClipboardContentFromMonitorProcessing` keeps the copy out of
 *   clipboard history (Win+V), cloud clipboard and clipboard monitors; `CanIncludeInClipboardHistory`
 *   and `CanUploadToCloudClipboard` set to a zero DWORD say the same to history and sync.
 * - macOS: `org.nspasteboard.ConcealedType` (a password: do not show or keep) and
 *   `org.nspasteboard.TransientType` (do not record at all), the nspasteboard.org convention that
 *   clipboard managers such as Maccy follow. macOS itself keeps no history.
 * - Linux: `x-kde-passwordManagerHint` = `secret`, which KDE's Klipper honours. GNOME has no such
 *   convention; managers that ignore the hint keep what they see.
 *
 * None of this is verified against a real desktop here (no Electron): see README.md.
 */
export function historyExclusionFormats(platform: NodeJS.Platform): Readonly<Record<string, Uint8Array>> {
  const zeroDword = new Uint8Array(4);
  // The macOS markers count by presence; one byte rather than none, in case an empty payload is
  // dropped on its way through Chromium's clipboard writer.
  const present = Uint8Array.of(1);
  switch (platform) {
    case 'win32':
      return {
        ExcludeClipboardContentFromMonitorProcessing: zeroDword,
        CanIncludeInClipboardHistory: zeroDword,
        CanUploadToCloudClipboard: zeroDword,
      };
    case 'darwin':
      return {
        'org.nspasteboard.ConcealedType': present,
        'org.nspasteboard.TransientType': present,
      };
    default:
      return { 'x-kde-passwordManagerHint': new TextEncoder().encode('secret') };
  }
}
