import { printAgentBench } from './print-agent-bench';

// The signing agent's and the proxy's benches, in a process of their own (bench/run.ts starts it),
// as the agent runs in use: after the signing and command-line benches in the same process, the
// agent measured 14,000 to 20,000 signatures/s where a fresh process measured 21,500 to 22,900 in
// the same minutes, slowed by what those benches left in the heap and the JIT.
await printAgentBench((line) => console.log(line));
