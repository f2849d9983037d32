import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGENT_TOKEN_FILE, agentTokenCheck, newAgentToken, writeAgentToken } from './agent-token';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'barong-agent-token-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('newAgentToken', () => {
  it('is 64 lower-case hex characters, new each time', () => {
    const tokens = new Set(Array.from({ length: 100 }, newAgentToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.skipIf(process.platform === 'win32')('writeAgentToken', () => {
  it('writes the token alone, readable by its owner only, and leaves no draft behind', async () => {
    const file = join(dir, AGENT_TOKEN_FILE);
    const token = newAgentToken();
    await writeAgentToken(file, token);
    expect(readFileSync(file, 'utf8')).toBe(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([AGENT_TOKEN_FILE]);
  });

  it('replaces an old token file that others could read with a new file that they cannot', async () => {
    const file = join(dir, AGENT_TOKEN_FILE);
    writeFileSync(file, 'old token');
    chmodSync(file, 0o644);
    const oldInode = statSync(file).ino;
    await writeAgentToken(file, newAgentToken());
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // A new file, not the old one rewritten: whoever opened the old one keeps only the old token.
    expect(statSync(file).ino).not.toBe(oldInode);
  });
});

describe('agentTokenCheck', () => {
  it('takes the token and nothing else', () => {
    const token = newAgentToken();
    const isToken = agentTokenCheck(token);
    expect(isToken(token)).toBe(true);
    for (const candidate of [newAgentToken(), token.toUpperCase(), token.slice(1), `${token}0`, '', undefined, null, 42, [token], { token }]) {
      expect(isToken(candidate)).toBe(false);
    }
  });
});
