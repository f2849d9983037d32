import { createHmac } from 'node:crypto';
import { signHeaders } from '../app/barong/signature';
import type { SigningInput } from '../app/barong/signature';

/**
 * Signatures per second of the core signer (validation + HMAC + headers) against a bare
 * createHmac loop over the same inputs, measured in one run, alternating so that neither side
 * gets the warmer machine.
 */
function inputs(count: number): SigningInput[] {
  return Array.from({ length: count }, (_, i) => ({
    kid: (i % 64).toString(16).padStart(16, '0'),
    secret: ((i % 64) * 7919).toString(16).padStart(32, 'a'),
    nonce: String(1_700_000_000_000 + i),
  }));
}

function bareHmac(batch: SigningInput[]): number {
  let sink = 0;
  for (const { kid, secret, nonce } of batch)
    sink += createHmac('sha256', secret)
      .update(nonce + kid)
      .digest('hex').length;
  return sink;
}

function signer(batch: SigningInput[]): number {
  let sink = 0;
  for (const input of batch) sink += signHeaders(input)['X-Auth-Signature'].length;
  return sink;
}

function ratePerSecond(run: (batch: SigningInput[]) => number, batch: SigningInput[]): number {
  const started = process.hrtime.bigint();
  if (run(batch) === 0) throw new Error('nothing was signed');
  return batch.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export function benchSigning(iterations = 100_000, rounds = 5): { signerPerSecond: number; bareHmacPerSecond: number } {
  const batch = inputs(iterations);
  const warmUp = batch.slice(0, iterations / 10);
  ratePerSecond(bareHmac, warmUp);
  ratePerSecond(signer, warmUp);
  const bare: number[] = [];
  const signed: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    bare.push(ratePerSecond(bareHmac, batch));
    signed.push(ratePerSecond(signer, batch));
  }
  return { signerPerSecond: median(signed), bareHmacPerSecond: median(bare) };
}
