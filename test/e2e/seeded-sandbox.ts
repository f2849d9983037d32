import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { startSandbox } from '../../sandbox/start-sandbox';
import { test } from '../harness/fixtures';

/** The sandbox's seeded trader (sandbox/README.md): 2FA on, with this seed. */
export const TRADER = { email: 'trader@sandbox.test', password: 'Trader-Sandbox-1', totpSecret: 'JBSWY3DPEHPK3PXP' };

/**
 * A fresh seeded sandbox on a loopback port for each test of the spec that calls this at its top
 * level; the answer gives the running one.
 */
export function seededSandboxForEachTest(): () => RunningSandbox {
  let sandbox: RunningSandbox | undefined;
  test.beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, seed: true });
  });
  test.afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });
  return () => {
    if (!sandbox) throw new Error('The sandbox runs only during a test.');
    return sandbox;
  };
}
