import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI_PATH, REPO_ROOT } from './run-cli';

export interface CliServer<Line> {
  /** The JSON line the command printed when it started serving. */
  line: Line;
  /** Everything it wrote to stderr so far (its JSON-lines log and last words). */
  stderr(): string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
  /** The exit code when it ends by itself. */
  exited: Promise<number | null>;
}

/**
 * Starts a long-running `barong-vault` command (agent, proxy) the way a service manager would,
 * with the input given on stdin, and waits for the one JSON line it prints when it serves.
 * The caller stops it; the test process's exit kills what is left.
 */
export async function startCliServer<Line>(args: string[], options: { env?: Record<string, string>; stdin?: string }): Promise<CliServer<Line>> {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.stdin ?? '');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A test that fails half-way must not leave a server behind it.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  void exited.then(() => process.off('exit', orphaned));
  const first = await Promise.race([
    new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve)),
    exited.then((code) => {
      throw new Error(`barong-vault ${args[0]} exited (${code}) before serving: ${stderr}`);
    }),
  ]);
  return {
    line: JSON.parse(first) as Line,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    exited,
  };
}
