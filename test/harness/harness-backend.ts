import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClipboardCopier } from '../../main/clipboard/clipboard-copier';
import { createMemoryClipboard } from '../../main/clipboard/tests/memory-clipboard';
import type { MemoryClipboard } from '../../main/clipboard/tests/memory-clipboard';
import { createBackend } from '../../main/services/create-backend';
import type { Backend } from '../../main/services/create-backend';
import { observeChannels } from '../../main/services/observe-channels';
import type { BackendChannels } from '../../main/services/serve-channels';
import { settingsSchema } from '../../main/vault/schemas';
import { FakeKeychain } from '../../main/vault/tests/fake-keychain';

/** Far below the app's N = 2^17 so that creating and unlocking take milliseconds; same format. */
const HARNESS_SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 };

export interface HarnessBackend {
  backend: Backend;
  /** The channels as the page reaches them: with the settings seen on their way, as main/index.ts does for the clipboard. */
  channels: BackendChannels;
  keychain: FakeKeychain;
  /** The OS clipboard the real copier writes to and clears. */
  clipboard: MemoryClipboard;
  dispose(): void;
}

/** The real backend on a fresh temp data folder, with a keychain that reports `keychainBackend` and an in-memory clipboard. */
export function startHarnessBackend(keychainBackend: string): HarnessBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'barong-harness-'));
  const keychain = new FakeKeychain(keychainBackend);
  const clipboard = createMemoryClipboard();
  const logger = { info: () => undefined, warn: () => undefined };
  let settings = settingsSchema.parse({});
  const copier = createClipboardCopier({ clipboard: clipboard.clipboard, clearAfterSeconds: () => settings.clipboardClearSeconds, logger });
  const backend = createBackend({
    dataDir,
    keychain,
    clipboard: copier,
    appVersion: '0.1.0-harness',
    logger,
    scryptCost: HARNESS_SCRYPT_COST,
  });
  const channels = observeChannels(backend.channels, {
    unlocked: () => undefined,
    settings: (current) => {
      settings = current;
    },
  });
  return {
    backend,
    channels,
    keychain,
    clipboard,
    dispose: () => {
      // As on quit: the pending clear is dropped with the test.
      void copier.clearNow();
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
