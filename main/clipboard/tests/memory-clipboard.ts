import type { SystemClipboard } from '../clipboard-copier';

export interface MemoryClipboard {
  /** The OS clipboard as main writes to it. */
  clipboard: SystemClipboard;
  /** What is on it now, and whether main wrote it marked as secret; changes in place. */
  readonly state: { text: string; secret: boolean };
  /** Another app, or the user elsewhere, copies text: what the copier must never clear. */
  userCopies(text: string): void;
}

/** The OS clipboard in memory, shared with "other apps", for the copier's tests and the browser harness. */
export function createMemoryClipboard(): MemoryClipboard {
  const state = { text: '', secret: false };
  const put = (text: string, secret: boolean) => {
    Object.assign(state, { text, secret });
  };
  return {
    clipboard: {
      readText: async () => state.text,
      writeText: async (text) => put(text, false),
      writeSecretText: async (text) => put(text, true),
      clear: async () => put('', false),
    },
    state,
    userCopies: (text) => put(text, false),
  };
}
