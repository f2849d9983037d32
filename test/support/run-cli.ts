import { fileURLToPath } from 'node:url';
import { runProcess } from './run-process';
import type { ProcessResult } from './run-process';

/** The built program, as `npm install` puts it on PATH; test/support/build-cli-setup.ts builds it before the tests. */
export const CLI_PATH = fileURLToPath(new URL('../../dist/cli/barong-vault.js', import.meta.url));
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
