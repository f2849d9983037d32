import { createHmac } from 'node:crypto';
import { signHeaders } from '../app/barong/signature';

/**
 * Signatures per second of the core signer (validation + HMAC + headers) against a bare
 * createHmac loop over the same inputs, measured in one run, alternating so that neither side
 * gets the warmer machine.
 */
const KEYS = Array.from({ length: 64 }, (_, i) => ({
  kid: i.toString(16).padStart(16, '0'),
  secret: (i * 7919).toString(16).padStart(32, 'a'),
}));
const NONCE_BASE = 1_700_000_000_000;

function bareHmac(iterations: number): number {
  let sink = 0;
  for (let i = 0; i < iterations; i += 1) {
    const key = KEYS[i % KEYS.length]!;
    sink += createHmac('sha256', key.secret).update(String(NONCE_BASE + i) + key.kid).digest('hex').length;
  }
  return sink;
}

function signer(iterations: number): number {
  let sink = 0;
  for (let i = 0; i < iterations; i += 1) {
    const key = KEYS[i % KEYS.length]!;
    sink += signHeaders({ kid: key.kid, secret: key.secret, nonce: String(NONCE_BASE + i) })['X-Auth-Signature'].length;
  }
  return sink;
}

function ratePerSecond(run: (iterations: number) => number, iterations: number): number {
  const started = process.hrtime.bigint();
  if (run(iterations) === 0) throw new Error('nothing was signed');
  return iterations / (Number(process.hrtime.bigint() - started) / 1e9);
}

export function benchSigning(iterations = 100_000, rounds = 5): { signerPerSecond: number; bareHmacPerSecond: number } {
  ratePerSecond(bareHmac, iterations / 10);
  ratePerSecond(signer, iterations / 10);
  const bare: number[] = [];
  const signed: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    bare.push(ratePerSecond(bareHmac, iterations));
    signed.push(ratePerSecond(signer, iterations));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { signerPerSecond: median(signed), bareHmacPerSecond: median(bare) };
}
