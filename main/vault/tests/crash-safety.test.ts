import { spawn } from 'node:child_process';
import { createHmac, randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../vault';
import { withRawDatabase } from './raw-database';
import { accountInput, PASSPHRASE, VaultFixture, signForItsAccount } from './vault-fixture';

const fixture = new VaultFixture();
afterEach(() => fixture.cleanUp());

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const KILLS = 20;
const NONCE = '1700000000000';

interface Run {
  /** kid -> secret, for every import the writer reported as done. */
  acks: Map<string, string>;
}

/**
 * Starts the writer and SIGKILLs it once it has acknowledged `acksBeforeKill` imports, after a
 * random 0-9 ms more so that the kill lands anywhere in a write (this is jitter, not a wait for
 * anything). Collects every ack the writer printed before it died.
 */
function writeUntilKilled(path: string, acksBeforeKill: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, PASSPHRASE], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks = new Map<string, string>();
    let pending = '';
    let stderr = '';
    let killScheduled = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [word, kid, secret] = line.split(' ');
        if (word !== 'ack' || kid === undefined || secret === undefined) return reject(new Error(`Unexpected writer output: ${line}`));
        acks.set(kid, secret);
      }
      if (!killScheduled && acks.size >= acksBeforeKill) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), randomInt(10));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`The writer ended on its own (code ${code}): ${stderr}`));
      else resolve({ acks });
    });
  });
}

const signature = (kid: string, secret: string) =>
  createHmac('sha256', secret)
    .update(NONCE + kid)
    .digest('hex');

function keysByKid(vault: Vault, accountId: string): Map<string, string> {
  return new Map(vault.listKeys(accountId).map((key) => [key.kid, key.id]));
}

describe('a vault killed while it writes', () => {
  it(`keeps every acknowledged key, intact, across ${KILLS} SIGKILLs at random moments`, { timeout: 180_000 }, async () => {
    const path = fixture.newPath();
    const setup = fixture.open({ path });
    await setup.access.create({ passphrase: PASSPHRASE, keychain: false });
    const accountId = setup.createAccount(accountInput('Crash')).id;
    setup.close();

    const acknowledged = new Map<string, string>();
    for (let run = 1; run <= KILLS; run += 1) {
      const { acks } = await writeUntilKilled(path, randomInt(1, 30));
      acks.forEach((secret, kid) => acknowledged.set(kid, secret));

      expect(withRawDatabase(path, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
      const vault = fixture.open({ path });
      await vault.access.unlock(PASSPHRASE);
      const stored = keysByKid(vault, accountId);
      const missing = [...acknowledged.keys()].filter((kid) => !stored.has(kid));
      expect({ run, missing }).toEqual({ run, missing: [] });
      for (const [kid, secret] of acknowledged) {
        expect(signForItsAccount(vault, stored.get(kid) ?? '', NONCE)['X-Auth-Signature']).toBe(signature(kid, secret));
      }
      // A write that committed but was killed before its ack may be there too; it must be whole.
      expect(stored.size - acknowledged.size).toBeLessThanOrEqual(run);
      for (const id of stored.values()) expect(() => signForItsAccount(vault, id, NONCE)).not.toThrow();
      vault.close();
    }
  });
});
