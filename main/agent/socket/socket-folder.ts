import { lstat, mkdir, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { AppError } from '../../../app/app-error';
import { socketPathTooLong } from './agent-location';

/** How long a socket file gets to answer before it is taken for another agent's, busy but alive. */
const PROBE_TIMEOUT_MS = 1_000;

/**
 * Makes the socket's place ready on Unix: its folder exists, belongs to this user and is closed to
 * everyone else (the folder, not the socket's own mode, is what every system honours), and no
 * socket is in the way: one left by an agent that died is removed, a living agent's is not.
 */
export async function prepareSocketFolder(socketPath: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const tooLong = socketPathTooLong(socketPath, platform);
  if (tooLong !== null) throw new AppError('usage', tooLong);
  const folder = dirname(socketPath);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await checkPrivateFolder(folder);
  await clearStaleSocket(socketPath);
}

export const anotherAgentWords = (socketPath: string): string =>
  `Another signing agent is already answering at ${socketPath}: stop it first, or give this one another socket path.`;

async function checkPrivateFolder(folder: string): Promise<void> {
  const stats = await lstat(folder);
  if (!stats.isDirectory())
    throw new AppError('internal', `${folder} is not a folder (a link or a file is there), so the agent will not put its socket in it.`);
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid)
    throw new AppError('internal', `The folder ${folder} belongs to another user (uid ${stats.uid}), so the agent will not put its socket in it.`);
  if ((stats.mode & 0o077) !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    throw new AppError(
      'internal',
      `The folder ${folder} is open to other users (mode ${mode}), so the agent will not put its socket in it: make it private (chmod 700) or remove it.`,
    );
  }
}

async function clearStaleSocket(socketPath: string): Promise<void> {
  const stats = await lstat(socketPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (stats === null) return;
  if (!stats.isSocket())
    throw new AppError(
      'internal',
      `${socketPath} is there and is not a socket: the agent leaves it alone. Move it away, or give the agent another socket path.`,
    );
  if (await isAnswering(socketPath)) throw new AppError('internal', anotherAgentWords(socketPath));
  await rm(socketPath, { force: true });
}

/** Whether something listens on the socket; a socket nobody answers on refuses the connection at once. */
function isAnswering(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(socketPath);
    const settle = (answering: boolean) => {
      probe.destroy();
      resolve(answering);
    };
    probe.setTimeout(PROBE_TIMEOUT_MS, () => settle(true));
    probe.once('connect', () => settle(true));
    probe.once('error', () => settle(false));
  });
}
