import { Agent, request } from 'node:http';
import { peatioPaths } from '../app/barong/paths';
import { signHeaders } from '../app/barong/signature';
import { startSigningProxy } from '../main/agent/proxy/signing-proxy';
import type { ProxySigner } from '../main/agent/proxy/signing-proxy';
import { BENCH_KEY_LABEL } from './agent-core';
import type { BenchAgentCore } from './agent-core';

/** The goal for the signing proxy: what it adds to a request's median latency on loopback (docs/ARCHITECTURE.md, "Performance"). */
export const PROXY_TARGET_ADDED_MEDIAN_MS = 0.5;

const PATH = peatioPaths.balances;
const WARM_UP = 200;
const SEQUENTIAL = 1_000;
const ROUNDS = 5;
const IN_FLIGHT = 8;
const THROUGHPUT_MS = 2_000;

export interface Latency {
  medianMs: number;
  p99Ms: number;
}

export interface ProxyFigures {
  direct: Latency;
  /** Signed by the core's agent service, as `barong-vault proxy --vault` does: policy, budget, MAC checks, an audit row. */
  proxied: Latency;
  /** The same proxy with a signer that only computes the HMAC: the proxy's own HTTP work. */
  proxiedBareSigner: Latency;
  directPerSecond: number;
  proxiedPerSecond: number;
  proxiedBareSignerPerSecond: number;
}

interface Target {
  port: number;
  /** Prefixed to PATH: the proxy's /t/TOKEN, or nothing. */
  prefix: string;
  /** Fresh headers for each direct request (the sandbox's nonce window); none through the proxy, which signs. */
  headers: () => Record<string, string>;
  agent: Agent;
}

function get(target: Target): Promise<void> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port: target.port, path: target.prefix + PATH, headers: target.headers(), agent: target.agent }, (response) => {
      response.resume();
      response.once('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`GET ${PATH} answered ${response.statusCode}`))));
    });
    sent.once('error', reject);
    sent.end();
  });
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;

/** Sequential requests, ROUNDS of them taken in turns across the targets so that none gets the quieter moments of the machine. */
async function latencies(targets: Target[]): Promise<Latency[]> {
  for (const target of targets) for (let i = 0; i < WARM_UP; i += 1) await get(target);
  const times = targets.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round += 1)
    for (const [index, target] of targets.entries())
      for (let i = 0; i < SEQUENTIAL / ROUNDS; i += 1) {
        const started = performance.now();
        await get(target);
        times[index]?.push(performance.now() - started);
      }
  return times.map((own) => {
    own.sort((a, b) => a - b);
    return { medianMs: percentile(own, 0.5), p99Ms: percentile(own, 0.99) };
  });
}

async function perSecond(target: Target): Promise<number> {
  const until = performance.now() + THROUGHPUT_MS;
  const started = performance.now();
  const counts = await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      let count = 0;
      for (; performance.now() < until; count += 1) await get(target);
      return count;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0) / ((performance.now() - started) / 1000);
}

/**
 * The same signed GET of the balances on the loopback sandbox, straight (headers signed in this
 * process for each request, inside the timed part: a few microseconds) and through the signing
 * proxy (which signs each request itself): sequential latency, then requests per second with
 * IN_FLIGHT at once. Each side has its own keep-alive agent.
 */
export async function benchProxyOverhead(bench: BenchAgentCore): Promise<ProxyFigures> {
  const { core, sandbox, kid, secret } = bench;
  const client = { name: 'barong-vault proxy', connectionId: 0 };
  const vaultSigner: ProxySigner = {
    sign: async ({ method, path }) => {
      const answer = await core.agent.service.handle({ v: 1, type: 'sign', key: BENCH_KEY_LABEL, method, path }, client);
      return answer.type === 'sign' ? { ok: true, headers: answer.headers } : { ok: false, status: 403, code: 'bench', message: JSON.stringify(answer) };
    },
  };
  const bareSigner: ProxySigner = { sign: async () => ({ ok: true, headers: signHeaders({ kid, secret, nonce: String(Date.now()) }) }) };
  const sandboxPort = Number(new URL(sandbox.url).port);
  const proxies = await Promise.all([vaultSigner, bareSigner].map((signer) => startSigningProxy({ upstream: sandbox.url, signer })));
  const agents: Agent[] = [];
  const target = (port: number, prefix: string, headers: Target['headers']): Target => {
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    agents.push(agent);
    return { port, prefix, headers, agent };
  };
  try {
    const [viaVault, viaBare] = proxies.map((proxy) => target(proxy.port, new URL(proxy.url).pathname, () => ({})));
    const direct = target(sandboxPort, '', () => ({ ...signHeaders({ kid, secret, nonce: String(Date.now()) }) }));
    if (!viaVault || !viaBare) throw new Error('A proxy did not start.');
    const [directLatency, proxied, proxiedBareSigner] = await latencies([direct, viaVault, viaBare]);
    if (!directLatency || !proxied || !proxiedBareSigner) throw new Error('A latency went missing.');
    return {
      direct: directLatency,
      proxied,
      proxiedBareSigner,
      directPerSecond: await perSecond(direct),
      proxiedPerSecond: await perSecond(viaVault),
      proxiedBareSignerPerSecond: await perSecond(viaBare),
    };
  } finally {
    agents.forEach((agent) => agent.destroy());
    await Promise.all(proxies.map((proxy) => proxy.close()));
  }
}
