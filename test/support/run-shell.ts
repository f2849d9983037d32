import { execFile } from 'node:child_process';

export interface ShellResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `script` with `/bin/<shell> -c` (an absolute path, so that tests may narrow PATH), never
 * rejecting on a non-zero exit: callers assert on the code.
 */
export function runShell(shell: 'sh' | 'bash', script: string, env: NodeJS.ProcessEnv = process.env): Promise<ShellResult> {
  return new Promise((resolve, reject) => {
    execFile(`/bin/${shell}`, ['-c', script], { env, timeout: 20_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}
