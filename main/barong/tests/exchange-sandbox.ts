import { onTestFinished } from 'vitest';
import type { RunningSandbox, SandboxOptions, SeededKey } from '../../../sandbox/start-sandbox';
import { startSandbox } from '../../../sandbox/start-sandbox';

/** A seeded sandbox on a free loopback port for the current test, closed when it ends. */
export async function startSeededSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, seed: true, ...options });
  onTestFinished(() => sandbox.close());
  return sandbox;
}

/** The seeded keys: the trader's two (trade, read) and the viewer's. */
export function seededKeys(sandbox: RunningSandbox): { trade: SeededKey; read: SeededKey; viewer: SeededKey } {
  const [trade, read, viewer] = sandbox.apiKeys;
  if (!trade || !read || !viewer) throw new Error('The sandbox was not started with seed: true.');
  return { trade, read, viewer };
}

/** The 2FA seed of a sandbox user, for writes that need a fresh code. */
export function totpSecretOf(sandbox: RunningSandbox, email: string): string {
  const secret = sandbox.users.find((user) => user.email === email)?.totpSecret;
  if (!secret) throw new Error(`${email} has no 2FA in the sandbox.`);
  return secret;
}
