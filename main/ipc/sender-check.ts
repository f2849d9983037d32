/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
}

/** The parts of an IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null | undefined;
  readonly sender: { readonly mainFrame: FrameLike };
}

/**
 * The app's own top frame on the app's own origin, as VS Code's ValidatedIpcMain checks it: a
 * frame that is gone (null), a subframe or a page from anywhere else is refused. Scheme and host
 * are compared by hand: for a custom scheme like `app:` the URL parser's `origin` is "null".
 */
export function isAppMainFrame(event: InvokeEventLike, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  const expected = originOf(appOrigin);
  return expected !== undefined && originOf(frame.url) === expected;
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? undefined : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}
