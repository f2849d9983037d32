import { onTestFinished } from 'vitest';
import { signHeaders } from '../../../../app/barong/signature';
import type { HttpMethod } from '../../../../app/commands/request';
import type { RunningSandbox, SeededKey } from '../../../../sandbox/start-sandbox';
import { runProcess } from '../../../../test/support/run-process';
import { seededKeys, startSeededSandbox } from '../../../barong/tests/exchange-sandbox';
import type { ProxyRefusalEvent, ProxySigner, SigningProxy, SigningProxyOptions } from '../signing-proxy';
import { startSigningProxy } from '../signing-proxy';

export interface SignerRefusal {
  status: number;
  code: string;
  message: string;
}

/** A signer as the agent will be: it signs with one key, or refuses; it remembers what it was asked. */
export interface RecordingSigner extends ProxySigner {
  calls: { method: HttpMethod; path: string }[];
}

export function keySigner(key: SeededKey, refuse: (method: HttpMethod, path: string) => SignerRefusal | undefined = () => undefined): RecordingSigner {
  const calls: RecordingSigner['calls'] = [];
  return {
    calls,
    sign: async ({ method, path }) => {
      calls.push({ method, path });
      const refusal = refuse(method, path);
      if (refusal) return { ok: false, ...refusal };
      return { ok: true, headers: signHeaders({ kid: key.kid, secret: key.secret, nonce: String(Date.now()) }) };
    },
  };
}

/** A proxy for the current test, closed when it ends, with the refusals it reported. */
export async function startTestProxy(options: SigningProxyOptions): Promise<{ proxy: SigningProxy; refusals: ProxyRefusalEvent[] }> {
  const refusals: ProxyRefusalEvent[] = [];
  const proxy = await startSigningProxy({
    ...options,
    onRefusal: (refusal) => {
      refusals.push(refusal);
      options.onRefusal?.(refusal);
    },
  });
  onTestFinished(() => proxy.close());
  return { proxy, refusals };
}

/** A seeded sandbox and a proxy in front of it that signs with the trader's trading key. */
export async function startProxyToSandbox(refuse?: (method: HttpMethod, path: string) => SignerRefusal | undefined) {
  const sandbox: RunningSandbox = await startSeededSandbox();
  const key = seededKeys(sandbox).trade;
  const signer = keySigner(key, refuse);
  const { proxy, refusals } = await startTestProxy({ upstream: sandbox.url, signer });
  return { sandbox, key, signer, proxy, refusals };
}

export interface CurlAnswer {
  status: number;
  body: unknown;
}

/** Runs the real curl; the body is read as JSON, the status from curl's own report after it. */
export async function curl(args: string[]): Promise<CurlAnswer> {
  const run = await runProcess('curl', ['--silent', '--show-error', '--write-out', '\n%{http_code}', ...args]);
  if (run.code !== 0) throw new Error(`curl exited ${run.code}: ${run.stderr}`);
  const cut = run.stdout.lastIndexOf('\n');
  const text = run.stdout.slice(0, cut);
  return { status: Number(run.stdout.slice(cut + 1)), body: text === '' ? undefined : JSON.parse(text) };
}

export const errorsOf = (answer: CurlAnswer): unknown => (answer.body as { errors?: unknown } | undefined)?.errors;
