import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../main/services/create-backend';
import type { Backend } from '../../main/services/create-backend';
import { FakeKeychain } from '../../main/vault/tests/fake-keychain';

/** Far below the app's N = 2^17 so that creating and unlocking take milliseconds; same format. */
const HARNESS_SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 };

export interface HarnessBackend {
  backend: Backend;
  keychain: FakeKeychain;
  dispose(): void;
}

/** The real backend on a fresh temp data folder, with a keychain that reports `keychainBackend`. */
export function startHarnessBackend(keychainBackend: string): HarnessBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'barong-harness-'));
  const keychain = new FakeKeychain(keychainBackend);
  const backend = createBackend({
    dataDir,
    keychain,
    appVersion: '0.1.0-harness',
    logger: { info: () => undefined, warn: () => undefined },
    scryptCost: HARNESS_SCRYPT_COST,
  });
  return {
    backend,
    keychain,
    dispose: () => {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
