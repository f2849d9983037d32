import { spawnSync } from 'node:child_process';
import { CLI_PATH } from '../test/support/run-cli';

/** docs/ARCHITECTURE.md ("Performance"): the CLI starts, signs and exits within 1.5x of a bare node. */
export const CLI_STARTUP_TARGET_RATIO = 1.5;

const KID = '61d025b8573501c2';
const SECRET = '2d0b4979c7fe6986daa8e21d1dc0644f';

// Each run is a new process, as a script calling barong-vault starts one; all share one environment.
const RUNS = {
  bareNode: { args: ['-e', '0'], printed: '' },
  version: { args: [CLI_PATH, '--version'], printed: '.' },
  sign: { args: [CLI_PATH, 'sign', '--format', 'headers', 'GET', '/api/v2/peatio/account/balances'], printed: 'X-Auth-Signature: ' },
} as const;
type RunName = keyof typeof RUNS;

function timeOneRun(name: RunName): number {
  const { args, printed } = RUNS[name];
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH ?? '', BARONG_KID: KID, BARONG_SECRET: SECRET }, encoding: 'utf8' });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0 || !run.stdout.includes(printed)) throw new Error(`${name} failed (${run.status}): ${run.stderr}`);
  return elapsedMs;
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Median wall time, in ms, from spawning node to its exit: a bare `node -e 0`, `barong-vault
 * --version` and `barong-vault sign --format headers`, taken in turns so that none gets the quieter
 * moments of the machine, after one unmeasured round that fills the file cache.
 */
export function benchCliStartup(rounds = 30): Record<RunName, number> {
  const names = Object.keys(RUNS) as RunName[];
  names.forEach(timeOneRun);
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<RunName, number[]>;
  for (let round = 0; round < rounds; round += 1) for (const name of names) times[name].push(timeOneRun(name));
  return { bareNode: median(times.bareNode), version: median(times.version), sign: median(times.sign) };
}
