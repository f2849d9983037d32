import { AppError } from '../app/app-error';
import type { CliIo } from './io';

/**
 * The secret comes from the environment or from stdin, never from argv, where every user of the
 * machine can read it in the process list.
 */
export async function readSecret(io: CliIo, envName: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.stdin.isTTY) {
    throw new AppError('usage', `No secret: set ${envName}, or pipe the secret on standard input.`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  // One trailing line break is how files and `echo` end; anything else is part of the input.
  const secret = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (secret === '') throw new AppError('usage', `No secret: set ${envName}, or pipe the secret on standard input.`);
  return secret;
}
