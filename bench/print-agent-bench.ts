import { openBenchAgentCore } from './agent-core';
import { AGENT_ROUND_MS, AGENT_ROUNDS, AGENT_TARGET_SIGNATURES_PER_SECOND, benchAgentThroughput } from './agent-throughput';
import type { RoundsPerSecond } from './agent-throughput';
import { benchProxyOverhead, PROXY_TARGET_ADDED_MEDIAN_MS } from './proxy-overhead';
import type { Latency } from './proxy-overhead';

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const rounds = ({ median, slowest, fastest }: RoundsPerSecond) => `${format(median)} signatures/s (rounds from ${format(slowest)} to ${format(fastest)})`;
const latency = ({ medianMs, p99Ms }: Latency) => `median ${medianMs.toFixed(2)} ms, p99 ${p99Ms.toFixed(2)} ms`;

/** The signing agent over its socket and the signing proxy over HTTP, on one real core and vault, against the loopback sandbox. */
export async function printAgentBench(log: (line: string) => void): Promise<void> {
  const bench = await openBenchAgentCore();
  try {
    log(
      `signing agent (real core and vault, its Unix socket; the CLI client connectAgent in another process, one request in flight per client; median of ${AGENT_ROUNDS} rounds of ${AGENT_ROUND_MS / 1000} s each)`,
    );
    const agent = await benchAgentThroughput(bench);
    const target = AGENT_TARGET_SIGNATURES_PER_SECOND;
    log(`  1 client:  ${rounds(agent.oneClient)}`);
    log(`  8 clients: ${rounds(agent.eightClients)} (target >= ${format(target)}: ${verdict(agent.eightClients.median >= target)})`);
    const { before, after } = agent.bareHmac;
    log(`  bare HMAC: ${format(before)} signatures/s just before the rounds, ${format(after)} just after`);
    log(`  ratio:     bare HMAC (the mean of the two) is ${((before + after) / 2 / agent.eightClients.median).toFixed(2)}x the agent with 8 clients`);

    log('signing proxy (GET balances on the loopback sandbox, keep-alive; 1,000 sequential requests each, in turns, then 8 in flight for 2 s each)');
    const proxy = await benchProxyOverhead(bench);
    const added = proxy.proxied.medianMs - proxy.direct.medianMs;
    const addedBare = proxy.proxiedBareSigner.medianMs - proxy.direct.medianMs;
    log(`  direct (headers signed here per request): ${latency(proxy.direct)}; ${format(proxy.directPerSecond)} requests/s`);
    log(`  through the proxy (the vault's agent):    ${latency(proxy.proxied)}; ${format(proxy.proxiedPerSecond)} requests/s`);
    log(
      `  added by the proxy: median ${added.toFixed(2)} ms (target < ${PROXY_TARGET_ADDED_MEDIAN_MS}: ${verdict(added < PROXY_TARGET_ADDED_MEDIAN_MS)}); ratio: direct is ${(proxy.directPerSecond / proxy.proxiedPerSecond).toFixed(2)}x the proxy in requests/s`,
    );
    log(
      `  the proxy alone (a signer that only computes the HMAC): ${latency(proxy.proxiedBareSigner)}, added median ${addedBare.toFixed(2)} ms; ${format(proxy.proxiedBareSignerPerSecond)} requests/s, direct is ${(proxy.directPerSecond / proxy.proxiedBareSignerPerSecond).toFixed(2)}x`,
    );
  } finally {
    await bench.close();
  }
}
