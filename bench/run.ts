import { benchSigning } from './signing';

// Targets (DESIGN.md, issue 2): the signer makes >= 100,000 signatures/s and stays within 2x of
// a bare createHmac loop. Figures come from one run on this machine; no test times anything.
const { signerPerSecond, bareHmacPerSecond } = benchSigning();
const ratio = bareHmacPerSecond / signerPerSecond;
const format = (n: number) => Math.round(n).toLocaleString('en-US');

console.log('signing (core signer vs bare crypto.createHmac, same inputs, median of 5 rounds)');
console.log(`  signer:    ${format(signerPerSecond)} signatures/s (target >= 100,000: ${signerPerSecond >= 100_000 ? 'met' : 'MISSED'})`);
console.log(`  bare HMAC: ${format(bareHmacPerSecond)} signatures/s`);
console.log(`  ratio:     bare HMAC is ${ratio.toFixed(2)}x the signer (target <= 2.00: ${ratio <= 2 ? 'met' : 'MISSED'})`);
