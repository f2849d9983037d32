import type { HttpMethod } from '../commands/request';
import { PEATIO, rangerPaths } from '../barong/paths';

/**
 * What local programs may sign with one key, through the signing agent or the proxy. Barong
 * stores a key's scopes but never enforces them, so this is the only least-privilege layer a
 * trader has. Zod-free: the renderer shows it and the CLI starts fast.
 */
export interface PolicyRule {
  methods: readonly HttpMethod[];
  /** Matches this path and every path below it, segment by segment. */
  pathPrefix: string;
}

export interface KeyPolicy {
  /** Off by default: a key is used by local programs only once the owner turns it on. */
  agentUse: boolean;
  rules: readonly PolicyRule[];
  /** Withdrawal paths (see WITHDRAWAL_PATHS) are refused to every method but GET unless named here, whatever the rules say. */
  withdrawalPaths: readonly string[];
  /** Requests per window, counted across every client of this key. */
  budget: { requests: number; windowSeconds: number };
}

export const POLICY_LEVELS = ['read', 'trade', 'all'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

export const POLICY_LEVEL_WORDS: Record<PolicyLevel | 'custom', string> = {
  read: 'Read only: GET under account, market and public, and the private stream',
  trade: 'Trade: read, and create and cancel orders',
  all: 'Everything but withdrawals',
  custom: 'Custom rules',
};

/** Peatio's default rate limit, the budget a key starts with. */
export const DEFAULT_BUDGET = { requests: 6000, windowSeconds: 300 } as const;
export const POLICY_LIMITS = { rules: 50, pathLength: 512, maxRequests: 1_000_000, maxWindowSeconds: 86_400 } as const;

const ALL_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const READ_RULES: readonly PolicyRule[] = [
  { methods: ['GET'], pathPrefix: `${PEATIO}/account` },
  { methods: ['GET'], pathPrefix: `${PEATIO}/market` },
  { methods: ['GET'], pathPrefix: `${PEATIO}/public` },
  // The private stream of the trader's own orders and trades: reading, signed once at connect time.
  { methods: ['GET'], pathPrefix: rangerPaths.private },
];
// Creating an order, cancelling one (`/orders/:id/cancel`) and cancelling many (`/orders/cancel`) are all POSTs under /orders.
const TRADE_RULES: readonly PolicyRule[] = [...READ_RULES, { methods: ['POST'], pathPrefix: `${PEATIO}/market/orders` }];
const LEVEL_RULES: Record<PolicyLevel, readonly PolicyRule[]> = {
  read: READ_RULES,
  trade: TRADE_RULES,
  all: [{ methods: ALL_METHODS, pathPrefix: '/' }],
};

/** Paths that move funds out (or name where they go): refused unless the policy names them. */
export const WITHDRAWAL_PATHS: readonly string[] = [`${PEATIO}/account/withdraws`, `${PEATIO}/account/beneficiaries`];

/** A key's policy before the owner changes it: no agent use; the read level ready for when it is turned on. */
export const DEFAULT_POLICY: KeyPolicy = { agentUse: false, rules: READ_RULES, withdrawalPaths: [], budget: { ...DEFAULT_BUDGET } };

export function policyForLevel(level: PolicyLevel, budget: KeyPolicy['budget'] = DEFAULT_BUDGET): KeyPolicy {
  return { agentUse: true, rules: LEVEL_RULES[level], withdrawalPaths: [], budget: { ...budget } };
}

const sameRules = (a: readonly PolicyRule[], b: readonly PolicyRule[]) =>
  a.length === b.length && a.every((rule, index) => rule.pathPrefix === b[index]?.pathPrefix && rule.methods.join() === b[index]?.methods.join());

/** The ready-made level a policy's rules are, or 'custom'. */
export function levelOf(policy: KeyPolicy): PolicyLevel | 'custom' {
  return POLICY_LEVELS.find((level) => sameRules(policy.rules, LEVEL_RULES[level])) ?? 'custom';
}

export type PolicyDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * Prefix matching is only sound on one spelling of a path: dot segments, doubled or encoded
 * slashes, encoded dots and backslashes could make `/market/../account/withdraws` pass as market.
 */
export function pathShapeProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must start with "/"';
  if (/[?#]/.test(path)) return 'may not carry a query or fragment';
  if (path.includes('//')) return 'may not contain "//"';
  if (path.includes('\\')) return 'may not contain a backslash';
  if (/%(2e|2f|5c|00)/i.test(path)) return 'may not percent-encode ".", "/", "\\" or NUL';
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return 'may not contain "." or ".." segments';
  return undefined;
}

export const pathUnder = (path: string, prefix: string): boolean => {
  if (prefix === '/') return true;
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === base || path.startsWith(`${base}/`);
};

/** Whether the key's policy lets a local program sign this request; the reason is shown to that program and audited. */
export function decide(policy: KeyPolicy, method: HttpMethod, path: string): PolicyDecision {
  if (!policy.agentUse) return { allowed: false, reason: 'this key is not open to local programs (turn on agent use in the app)' };
  const problem = pathShapeProblem(path);
  if (problem) return { allowed: false, reason: `the path ${problem}` };
  const withdrawal = WITHDRAWAL_PATHS.find((prefix) => pathUnder(path, prefix));
  if (withdrawal && method !== 'GET') {
    // Naming a withdrawal path is the owner's explicit allowance for it, on any level.
    if (policy.withdrawalPaths.some((named) => pathUnder(path, named))) return { allowed: true };
    return { allowed: false, reason: `${method} ${withdrawal} moves funds out and this key's policy does not name it` };
  }
  if (policy.rules.some((rule) => rule.methods.includes(method) && pathUnder(path, rule.pathPrefix))) return { allowed: true };
  return { allowed: false, reason: `${method} ${path} is outside this key's policy (${POLICY_LEVEL_WORDS[levelOf(policy)]})` };
}
