import { isAppError } from '../../app/app-error';
import { nonceExpiresAt } from '../../app/barong/nonce-clock';
import type { NonceClock } from '../../app/barong/nonce-clock';
import { keysNamed } from '../../app/agent/key-name';
import type { AgentKey, AnswerBody, SignRequest } from '../../app/agent/wire';
import { decide, levelOf } from '../../app/domain/agent-policy';
import { wordsOf } from '../../app/errors/codes';
import type { ErrorCode } from '../../app/errors/codes';
import type { AgentKeyEntry } from '../vault/records';
import type { Vault } from '../vault/vault';
import type { ClientApprovals } from './client-approval';
import type { AuditBatch } from './audit-batch';
import type { RequestBudget } from './request-budget';
import type { AgentService, ServedClient, ServiceRequest } from './service-contract';

/** The part of the vault the agent reaches: it may list and sign, nothing else (its audit rows go through `audit`). */
export type AgentVault = Pick<Vault, 'agentKeys' | 'sign'> & { isUnlocked(): boolean };

export interface AgentServiceParts {
  vault: AgentVault;
  clockFor(account: AgentKeyEntry['account']): NonceClock;
  budget: RequestBudget;
  /** The app asks the owner about new programs; the headless agent has none, and the policy alone decides. */
  approvals?: ClientApprovals;
  /** The programs connected now, for `status`. */
  connectedClients(): string[];
  /** Writes the audit rows of the last moments together (see createAuditBatch). */
  audit: AuditBatch;
}

const refusal = (code: ErrorCode, message: string = wordsOf(code)): AnswerBody<'error'> => ({ ok: false, type: 'error', error: { code, message } });

/**
 * What the signing agent does for a program that said hello: list the keys open to it, sign one
 * request under the key's policy, and say whether the vault is locked. Every signature and every
 * refusal of a known key is audited with the program's name, the method and the path.
 */
export function createAgentService(parts: AgentServiceParts): AgentService {
  const { vault, budget, approvals } = parts;

  // Asking the vault whether anything committed since its keys were read costs a statement and
  // file locks, more than the rest of a signature. A look taken after a request was read answers
  // it exactly as one taken at that moment would: a change committed before the request was sent
  // is already in the file. So the requests of one turn of the event loop share one look, and
  // a request read later gets a new one.
  let lastLook: { at: number; keys: AgentKeyEntry[] } | undefined;
  const keysFor = (readAt: number | undefined): AgentKeyEntry[] => {
    if (lastLook === undefined || readAt === undefined || readAt >= lastLook.at) {
      const at = performance.now();
      lastLook = { at, keys: vault.agentKeys() };
    }
    return lastLook.keys;
  };

  const findKey = (name: string, readAt: number | undefined): AgentKeyEntry | AnswerBody<'error'> => {
    const matches = keysNamed(keysFor(readAt), name);
    if (matches.length > 1) return refusal('agent.ambiguous_key', `More than one key is called "${name}": name it by its kid.`);
    return matches[0] ?? refusal('agent.unknown_key', `No key in the vault has the label or kid "${name}": barong-vault keys lists the keys open to programs.`);
  };

  const audited = (key: AgentKeyEntry, client: ServedClient, request: SignRequest, code: ErrorCode, why: string): AnswerBody<'error'> => {
    parts.audit.add({ keyId: key.keyId, client: client.name, method: request.method, path: request.path, outcome: `refused: ${why}` });
    return refusal(code, `Refused: ${why}.`);
  };

  const sign = async (request: SignRequest, client: ServedClient, readAt: number | undefined): Promise<AnswerBody> => {
    const found = findKey(request.key, readAt);
    if ('ok' in found) return found;
    const key = found;
    const decision = decide(key.policy, request.method, request.path);
    if (!decision.allowed) return audited(key, client, request, 'agent.policy_refused', decision.reason);
    if (approvals) {
      const approval = await approvals.check({
        client: client.name,
        key: key.label || key.kid,
        account: key.account.name,
        method: request.method,
        path: request.path,
      });
      if (!approval.approved) return audited(key, client, request, 'agent.approval_denied', approval.reason);
      // The vault may have locked while the owner was asked.
      if (!vault.isUnlocked()) return refusal('vault.locked');
    }
    const spent = budget.take(key.keyId, key.policy.budget);
    if (!spent.ok) {
      const { requests, windowSeconds } = key.policy.budget;
      return audited(
        key,
        client,
        request,
        'agent.budget_spent',
        `the budget of ${requests} requests per ${windowSeconds} s is spent; try again in ${spent.retryInSeconds} s`,
      );
    }
    const clock = parts.clockFor(key.account);
    const headers = vault.sign(key.keyId, clock.nonce(), key.account.origin);
    parts.audit.add({ keyId: key.keyId, client: client.name, method: request.method, path: request.path, outcome: 'signed' });
    return {
      ok: true,
      type: 'sign',
      headers,
      expiresAtMs: clock.toLocal(nonceExpiresAt(headers['X-Auth-Nonce'], key.account.nonceLifetimeMs)),
      baseUrl: key.account.baseUrl,
      decision: { allowed: true, level: levelOf(key.policy), remaining: spent.remaining },
    };
  };

  const listed = (key: AgentKeyEntry): AgentKey => ({
    label: key.label,
    kid: key.kid,
    account: key.account.name,
    baseUrl: key.account.baseUrl,
    policy: { agentUse: key.policy.agentUse, level: levelOf(key.policy), budget: { ...key.policy.budget } },
  });

  return {
    async handle(request: ServiceRequest, client: ServedClient, readAt?: number): Promise<AnswerBody> {
      if (request.type === 'status')
        return {
          ok: true,
          type: 'status',
          locked: !vault.isUnlocked(),
          clients: parts.connectedClients(),
          keys: vault.isUnlocked() ? keysFor(readAt).filter((key) => key.policy.agentUse).length : 0,
        };
      // A locked vault answers nothing about its keys: lock stops all signing at once.
      if (!vault.isUnlocked()) return refusal('vault.locked');
      try {
        if (request.type === 'keys')
          return {
            ok: true,
            type: 'keys',
            keys: keysFor(readAt)
              .filter((key) => key.policy.agentUse)
              .map(listed),
          };
        return await sign(request, client, readAt);
      } catch (error) {
        // The vault's own refusals (locked meanwhile, tampered, origin) are words for the program; anything else is the server's to report.
        if (isAppError(error)) return refusal(error.code as ErrorCode, error.message);
        throw error;
      }
    },
  };
}
