import { runProcess } from './run-process';
import type { ProcessResult } from './run-process';

/**
 * Runs `script` with `/bin/<shell> -c` (an absolute path, so that tests may narrow PATH); callers
 * assert on the exit code.
 */
export function runShell(shell: 'sh' | 'bash', script: string, env: NodeJS.ProcessEnv = process.env, cwd?: string): Promise<ProcessResult> {
  return runProcess(`/bin/${shell}`, ['-c', script], cwd === undefined ? { env } : { env, cwd });
}
