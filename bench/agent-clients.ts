import { connectAgent } from '../cli/agent-client';
import type { AgentConnection } from '../cli/agent-client';

/**
 * The agent bench's clients, in a process of their own (bench/agent-throughput.ts starts it), so
 * that the agent's process does the agent's work only, as with real programs. Each client is the
 * CLI's own connectAgent with one request in flight: it sends a sign, waits for the answer, sends
 * the next. Given {socket, tokenFile, key, path, phases: [clients...], rounds, durationMs, warmUpMs}
 * as JSON in argv[2], it prints one JSON line: the signatures per second of each round of each
 * phase and one answer's headers, for the caller to check against the secret.
 */
interface Job {
  socket: string;
  tokenFile: string;
  key: string;
  path: string;
  phases: number[];
  /** Rounds of durationMs each per phase, after one warm-up. */
  rounds: number;
  durationMs: number;
  warmUpMs: number;
}

const job = JSON.parse(process.argv[2] ?? '') as Job;
let sample: Record<string, string> | undefined;

async function run(connections: AgentConnection[], durationMs: number): Promise<number> {
  const until = performance.now() + durationMs;
  const counts = await Promise.all(
    connections.map(async (connection) => {
      let count = 0;
      while (performance.now() < until) {
        const answer = await connection.sign({ key: job.key, method: 'GET', path: job.path });
        sample = answer.headers;
        count += 1;
      }
      return count;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

const perSecond: number[][] = [];
for (const clients of job.phases) {
  const connections = await Promise.all(Array.from({ length: clients }, (_, i) => connectAgent(job, `bench client ${i + 1}`)));
  await run(connections, job.warmUpMs);
  const rounds: number[] = [];
  for (let round = 0; round < job.rounds; round += 1) {
    const started = performance.now();
    const signed = await run(connections, job.durationMs);
    rounds.push(signed / ((performance.now() - started) / 1000));
  }
  perSecond.push(rounds);
  connections.forEach((connection) => connection.close());
}
process.stdout.write(`${JSON.stringify({ perSecond, sample })}\n`);
