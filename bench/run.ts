import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchCliStartup, CLI_STARTUP_TARGET_RATIO } from './cli-startup';
import { RENDERER_GZIP_TARGET_BYTES, rendererJsGzipBytes } from './renderer-size';
import { benchSearchPaint, PALETTE_PAINT_TARGET_MS, SEARCH_PAINT_TARGET_MS } from './search-paint';
import { benchSigning } from './signing';
import { benchVault } from './vault';

// Targets come from docs/ARCHITECTURE.md ("Performance"); every figure is measured in this one run,
// and no test times anything.
const format = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

const { signerPerSecond, bareHmacPerSecond } = benchSigning();
const coreRatio = bareHmacPerSecond / signerPerSecond;
console.log('signing (core signer vs bare crypto.createHmac, same inputs, median of 5 rounds)');
console.log(`  signer:    ${format(signerPerSecond)} signatures/s (target >= 100,000: ${verdict(signerPerSecond >= 100_000)})`);
console.log(`  bare HMAC: ${format(bareHmacPerSecond)} signatures/s`);
console.log(`  ratio:     bare HMAC is ${coreRatio.toFixed(2)}x the signer (target <= 1.50: ${verdict(coreRatio <= 1.5)})`);

console.log('command line (dist/cli, a new process each run, median of 30 runs each, taken in turns)');
const startup = benchCliStartup();
const startupRatio = (ms: number) => {
  const ratio = ms / startup.bareNode;
  return `${ratio.toFixed(2)}x node -e 0 (target <= ${CLI_STARTUP_TARGET_RATIO.toFixed(2)}: ${verdict(ratio <= CLI_STARTUP_TARGET_RATIO)})`;
};
console.log(`  node -e 0:                          ${startup.bareNode.toFixed(1)} ms`);
console.log(`  barong-vault --version:             ${startup.version.toFixed(1)} ms, ${startupRatio(startup.version)}`);
console.log(`  barong-vault sign --format headers: ${startup.sign.toFixed(1)} ms, ${startupRatio(startup.sign)}`);

const agent = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./agent-process.ts', import.meta.url))], { stdio: 'inherit' });
if (agent.status !== 0) throw new Error(`The agent's bench failed (${agent.status ?? agent.signal}).`);

console.log('vault (10,000 keys across 500 accounts, median of 5 opens)');
const vault = await benchVault((line) => console.log(line));
const vaultRatio = vault.bareHmacPerSecond / vault.vaultSignaturesPerSecond;
console.log(`  open + unlock (no KDF): ${vault.openAndUnlockMs.toFixed(2)} ms (target < 50: ${verdict(vault.openAndUnlockMs < 50)})`);
console.log(
  `  list accounts with their keys' kids and labels (what the search filters in the page): ${vault.listAccountsMs.toFixed(2)} ms (target < 50: ${verdict(vault.listAccountsMs < 50)})`,
);
console.log(`  first signature of each key after unlock (row read + AES-GCM open + HMAC): ${format(vault.firstSignaturesPerSecond)} signatures/s`);
console.log(
  `  signing through the vault (lookup + unlocked secret + HMAC): ${format(vault.vaultSignaturesPerSecond)} signatures/s (target >= 100,000: ${verdict(vault.vaultSignaturesPerSecond >= 100_000)})`,
);
console.log(
  `  bare HMAC: ${format(vault.bareHmacPerSecond)} signatures/s; ratio: bare HMAC is ${vaultRatio.toFixed(2)}x the vault (target <= 3.00: ${verdict(vaultRatio <= 3)})`,
);
console.log(`  KDF (scrypt N=2^17, r=8, p=1), slow on purpose: ${format(vault.kdfMs)} ms (expected 200 to 1,000)`);

console.log('renderer (the build in out/renderer)');
const rendererBytes = rendererJsGzipBytes();
console.log(
  `  JavaScript: ${(rendererBytes / 1024).toFixed(1)} KB gzipped (target < ${RENDERER_GZIP_TARGET_BYTES / 1024} KB: ${verdict(rendererBytes < RENDERER_GZIP_TARGET_BYTES)})`,
);
const search = await benchSearchPaint((line) => console.log(line));
console.log(
  `  key search in Chromium (${format(search.keys)} keys across ${format(search.accounts)} accounts, ${search.keystrokes} keystrokes), keydown to the filtered list painted: median ${search.medianMs.toFixed(1)} ms, p90 ${search.p90Ms.toFixed(1)} ms (target median < ${SEARCH_PAINT_TARGET_MS}: ${verdict(search.medianMs < SEARCH_PAINT_TARGET_MS)})`,
);
console.log(
  `  palette (Ctrl+K, the same keys, ${search.palette.keystrokes} keystrokes: labels, kid prefixes, backspaces), keydown to the results painted: median ${search.palette.medianMs.toFixed(1)} ms, p90 ${search.palette.p90Ms.toFixed(1)} ms (target median < ${PALETTE_PAINT_TARGET_MS}: ${verdict(search.palette.medianMs < PALETTE_PAINT_TARGET_MS)})`,
);
