import { BARONG, PEATIO, rangerPaths } from '../app/barong/paths';
import type { Role } from './users';

/** Barong's permission table: a role may call a path only if one of its rules accepts it. */
interface Rule {
  /** Upper-case verbs, or 'any'. */
  verbs: readonly string[] | 'any';
  prefix: string;
}

// Every role may open the private stream: it carries only the member's own events.
const RULES: Record<Role, readonly Rule[]> = {
  member: [
    { verbs: ['GET'], prefix: rangerPaths.private },
    { verbs: 'any', prefix: `${BARONG}/resource/` },
    { verbs: 'any', prefix: `${PEATIO}/` },
  ],
  // Read-only on the exchange: the role that makes `authz.invalid_permission` reachable.
  viewer: [
    { verbs: ['GET'], prefix: rangerPaths.private },
    { verbs: 'any', prefix: `${BARONG}/resource/` },
    { verbs: ['GET'], prefix: `${PEATIO}/` },
  ],
};

export function rolePermits(role: Role, method: string, path: string): boolean {
  return RULES[role].some((rule) => path.startsWith(rule.prefix) && (rule.verbs === 'any' || rule.verbs.includes(method)));
}
