import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryClipboard } from '../../main/clipboard/tests/memory-clipboard';
import type { MemoryClipboard } from '../../main/clipboard/tests/memory-clipboard';
import { createAppCore } from '../../main/core/create-app-core';
import type { AppCore } from '../../main/core/create-app-core';
import { FakeOwnerPrompt } from '../../main/privilege/tests/fake-owner-prompt';
import type { BackendChannels } from '../../main/services/serve-channels';
import { FakeKeychain } from '../../main/vault/tests/fake-keychain';

/** Far below the app's N = 2^17 so that creating and unlocking take milliseconds; same format. */
const HARNESS_SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 };

export interface HarnessBackend {
  core: AppCore;
  /** The channels as the page reaches them: the core's page door, as Electron's IPC binds it. */
  channels: BackendChannels;
  keychain: FakeKeychain;
  /** Main's native dialog, which the page cannot click: refuses unless a test sets `answer`. */
  ownerPrompt: FakeOwnerPrompt;
  /** The OS clipboard the real copier writes to and clears. */
  clipboard: MemoryClipboard;
  /** Stops the agent and proxies the page started, and removes the data folder. */
  dispose(): Promise<void>;
}

/** The real core on a fresh temp data folder, with a keychain that reports `keychainBackend` and an in-memory clipboard. */
export function startHarnessBackend(keychainBackend: string): HarnessBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'barong-harness-'));
  const keychain = new FakeKeychain(keychainBackend);
  const ownerPrompt = new FakeOwnerPrompt();
  const clipboard = createMemoryClipboard();
  const core = createAppCore({
    dataDir,
    keychain,
    ownerPrompt,
    clipboard: clipboard.clipboard,
    appVersion: '0.1.0-harness',
    logger: { info: () => undefined, warn: () => undefined },
    scryptCost: HARNESS_SCRYPT_COST,
    // In the test's own folder: specs run side by side, and none may take the user's own agent socket.
    agentSocket: join(dataDir, 'agent.sock'),
  });
  // As the app does at its start.
  void core.agentServers.resume();
  return {
    core,
    channels: core.door('page'),
    keychain,
    ownerPrompt,
    clipboard,
    dispose: async () => {
      // As on quit: the pending clear is dropped with the test, the agent and proxies stop.
      void core.clipboard?.clearNow();
      await core.agentServers.stop();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
