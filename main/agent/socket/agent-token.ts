import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AGENT_TOKEN_HEX_LENGTH } from '../../../app/agent/wire-constants';

/** The token file's name in the data folder, beside the vault. */
export const AGENT_TOKEN_FILE = 'agent.token';

/** A fresh 256-bit token, as the 64 lower-case hex characters the hello carries. */
export const newAgentToken = (): string => randomBytes(AGENT_TOKEN_HEX_LENGTH / 2).toString('hex');

/**
 * Writes the token for the agent's clients to read, readable by this user only. The token goes
 * into a new file created 0600 (exclusively, so that nothing planted under that name is written
 * through) and then renamed over the old one: at no moment does the path hold the new token in a
 * file others may read, whatever mode an earlier file had. Windows ignores the mode; the user
 * profile's ACL guards the data folder there.
 */
export async function writeAgentToken(tokenFile: string, token: string): Promise<void> {
  const draft = join(dirname(tokenFile), `.${basename(tokenFile)}.${randomBytes(8).toString('hex')}.tmp`);
  const file = await open(draft, 'wx', 0o600);
  try {
    try {
      // The mode given to open passes through the umask: set it outright.
      await file.chmod(0o600);
      await file.writeFile(token, 'utf8');
    } finally {
      await file.close();
    }
    await rename(draft, tokenFile);
  } catch (error) {
    await rm(draft, { force: true });
    throw error;
  }
}

/**
 * Whether a hello's token is the agent's, in constant time. Both sides are hashed first, so that
 * the comparison takes as long whatever the candidate's length or type.
 */
export function agentTokenCheck(token: string): (candidate: unknown) => boolean {
  const expected = sha256(token);
  return (candidate) => typeof candidate === 'string' && timingSafeEqual(sha256(candidate), expected);
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
