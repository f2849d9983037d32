import { fileURLToPath } from 'node:url';
import { runProcess } from './run-process';
import type { ProcessResult } from './run-process';

export const CLI_PATH = fileURLToPath(new URL('../../cli/bin/barong-vault.mjs', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs the real `barong-vault` program in a child process, with only the environment given
 * (plus PATH), so no variable of the test runner leaks in.
 */
export function runCli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<ProcessResult> {
  return runProcess(process.execPath, [CLI_PATH, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdin: options.stdin ?? '',
  });
}
