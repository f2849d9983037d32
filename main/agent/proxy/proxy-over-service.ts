import { HTTP_METHODS } from '../../../app/commands/request';
import type { AnswerBody } from '../../../app/agent/wire';
import type { ProxyRefusalEvent, ProxySigner } from './signing-proxy';
import { throttledRefusalAudit } from '../refusal-audit';
import type { AgentService, ServedClient } from '../service-contract';

// What a refusal means to an HTTP client: 429 and 503 say "later", 404 "no such key", 403 "not allowed".
const STATUS_OF: Record<string, number> = {
  'agent.budget_spent': 429,
  'vault.locked': 503,
  'agent.unknown_key': 404,
  'agent.ambiguous_key': 404,
  'agent.stopped': 502,
  'agent.not_running': 502,
};

export const proxyRefusalOf = (code: string, message: string) => ({ ok: false as const, status: STATUS_OF[code] ?? 403, code, message });

/** The agent's answer to a sign request, as a proxy's signer answers: headers, or a refusal with its HTTP status and words. */
export const signedOrRefused = (answer: AnswerBody): Awaited<ReturnType<ProxySigner['sign']>> =>
  answer.type === 'sign'
    ? { ok: true, headers: answer.headers }
    : answer.type === 'error'
      ? proxyRefusalOf(answer.error.code, answer.error.message)
      : proxyRefusalOf('internal', 'The agent answered something else.');

/**
 * A proxy's signer straight over the agent's service, in the process that holds the vault: each
 * request is the named key's, under its policy, budget and the owner's approval of `client`, and
 * audited there like a program's.
 */
export function serviceSigner(service: AgentService, key: string, client: ServedClient): ProxySigner {
  return { sign: async ({ method, path }) => signedOrRefused(await service.handle({ v: 1, type: 'sign', key, method, path }, client)) };
}

/**
 * The signer's refusals are audited where it decides (the agent's service); the proxy's own gate
 * (token, Host, Origin) refuses before any key is asked for, and is audited here, throttled like
 * the agent's refused connections.
 */
export function auditGateRefusals(
  record: (refusal: { client?: string; method?: string; path?: string; reason: string }) => void,
  client: string,
  now: () => number = Date.now,
): (refusal: ProxyRefusalEvent) => void {
  const audit = throttledRefusalAudit((reason) => record({ client, reason }), now);
  return ({ code, message, method, path }) => {
    if (!code.startsWith('proxy.')) return;
    const known = HTTP_METHODS.find((candidate) => candidate === method);
    audit(code, `proxy: ${message}${known && path ? ` (${known} ${path})` : ''}`);
  };
}
