import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/start-sandbox';
import { runCli } from '../support/run-cli';

describe('barong-vault time against the sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });

  afterAll(() => sandbox?.close());

  it('measures an offset of about zero from a server on the same clock', async () => {
    const run = await runCli(['time', '--base', sandbox.url, '--json']);
    expect(run.code).toBe(0);
    const measured = JSON.parse(run.stdout) as { offsetMs: number; uncertaintyMs: number; roundTripMs: number; source: string };
    expect(measured.source).toBe('identity/time');
    expect(Math.abs(measured.offsetMs)).toBeLessThanOrEqual(measured.uncertaintyMs);
    expect(measured.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('tells a person the offset and how to sign with it', async () => {
    const run = await runCli(['time', '--base', sandbox.url]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^The exchange's clock is \d+\.\d{3} s (ahead of|behind) this computer's \(±\d+\.\d{3} s, round trip \d+ ms, from identity\/time\)\.\nSign with --offset-ms=-?\d+ to match it\.\n$/,
    );
  });

  it('fails with exit 4 (network) and one line when the exchange cannot be reached', async () => {
    const run = await runCli(['time', '--base', 'http://127.0.0.1:9']);
    expect(run.code).toBe(4);
    expect(run.stderr).toBe('barong-vault time: 127.0.0.1:9 refused the connection: is the address right, and the exchange up?\n');
  });
});
