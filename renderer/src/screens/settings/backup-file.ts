/**
 * The backup file crosses the bridge as base64. Saving goes through a download, which Chromium
 * writes to its download folder and Electron turns into a save dialog; the blob holds the
 * encrypted file only.
 */
export function saveBackupFile(fileName: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, not at once: the download reads the blob after click() has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A chosen file as base64: readAsDataURL encodes natively, without a string of every byte in between. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
