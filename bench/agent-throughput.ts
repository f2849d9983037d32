import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peatioPaths } from '../app/barong/paths';
import { startAgentServer } from '../main/agent/socket/agent-server';
import { silentLogger } from '../main/logging/logger';
import { BENCH_KEY_LABEL } from './agent-core';
import type { BenchAgentCore } from './agent-core';

/** The goal for the signing agent: signatures per second it serves to 8 clients at once, on one machine (docs/ARCHITECTURE.md, "Performance"). */
export const AGENT_TARGET_SIGNATURES_PER_SECOND = 20_000;

const CLIENTS_SCRIPT = fileURLToPath(new URL('./agent-clients.ts', import.meta.url));
/** Each phase runs in rounds, and reports their median: a machine shared with others has slow seconds. */
export const AGENT_ROUNDS = 5;
export const AGENT_ROUND_MS = 1_000;
const WARM_UP_MS = 500;

/** Signatures per second over the rounds of one phase. */
export interface RoundsPerSecond {
  median: number;
  slowest: number;
  fastest: number;
}

export interface AgentThroughput {
  oneClient: RoundsPerSecond;
  eightClients: RoundsPerSecond;
  /** Bare HMAC just before the rounds and just after: this machine's speed changes by half for tens of seconds, and a gap between the two says it did during the rounds. */
  bareHmac: { before: number; after: number };
}

function overRounds(rounds: number[] = []): RoundsPerSecond {
  const sorted = [...rounds].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, slowest: sorted[0] ?? Number.NaN, fastest: sorted.at(-1) ?? Number.NaN };
}

function bareHmacPerSecond(secret: string, kid: string, iterations = 200_000): number {
  const nonces = Array.from({ length: iterations }, (_, i) => String(1_700_000_000_000 + i));
  let sink = 0;
  const started = performance.now();
  for (const nonce of nonces)
    sink += createHmac('sha256', secret)
      .update(nonce + kid)
      .digest('hex').length;
  if (sink === 0) throw new Error('nothing was signed');
  return iterations / ((performance.now() - started) / 1000);
}

/** The third of three runs: the first two measured about a fifth slower here, while the JIT and the heap settle. */
function steadyBareHmacPerSecond(secret: string, kid: string): number {
  bareHmacPerSecond(secret, kid);
  bareHmacPerSecond(secret, kid);
  return bareHmacPerSecond(secret, kid);
}

/** Runs the clients' process and reads its one line. */
function runClients(job: object): Promise<{ perSecond: number[][]; sample?: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLIENTS_SCRIPT, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as { perSecond: number[][]; sample?: Record<string, string> });
      else reject(new Error(`The bench's agent clients failed (${code}): ${stderr}`));
    });
  });
}

/**
 * Signatures per second through the real agent server on a Unix socket, serving the core's agent
 * service (policy, budget, the vault's MAC checks, an audit row per signature), to the CLI's own
 * client in another process: 1 client, then 8 at once, each with one request in flight.
 */
export async function benchAgentThroughput(bench: BenchAgentCore): Promise<AgentThroughput> {
  const server = await startAgentServer({
    socketPath: join(bench.dir, 'agent.sock'),
    tokenFile: join(bench.dir, 'agent.token'),
    service: bench.core.agent.service,
    agentName: 'barong-vault bench',
    logger: silentLogger,
  });
  try {
    const before = steadyBareHmacPerSecond(bench.secret, bench.kid);
    const { perSecond, sample } = await runClients({
      socket: server.socketPath,
      tokenFile: server.tokenFile,
      key: BENCH_KEY_LABEL,
      path: peatioPaths.balances,
      phases: [1, 8],
      rounds: AGENT_ROUNDS,
      durationMs: AGENT_ROUND_MS,
      warmUpMs: WARM_UP_MS,
    });
    // The answers are real signatures: the last one checks against the key's secret.
    const nonce = sample?.['X-Auth-Nonce'] ?? '';
    if (
      sample?.['X-Auth-Signature'] !==
      createHmac('sha256', bench.secret)
        .update(nonce + bench.kid)
        .digest('hex')
    )
      throw new Error('The agent answered a signature that does not check.');
    const [oneClient, eightClients] = perSecond;
    return {
      oneClient: overRounds(oneClient),
      eightClients: overRounds(eightClients),
      bareHmac: { before, after: steadyBareHmacPerSecond(bench.secret, bench.kid) },
    };
  } finally {
    await server.close();
  }
}
