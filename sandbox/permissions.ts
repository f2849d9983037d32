import { BARONG, PEATIO } from '../app/barong/paths';
import type { Role } from './users';

/** Barong's permission table: a role may call a path only if one of its rules accepts it. */
interface Rule {
  /** Upper-case verbs, or 'any'. */
  verbs: readonly string[] | 'any';
  prefix: string;
}

const RULES: Record<Role, readonly Rule[]> = {
  member: [
    { verbs: 'any', prefix: `${BARONG}/resource/` },
    { verbs: 'any', prefix: `${PEATIO}/` },
  ],
  // Read-only on the exchange: the role that makes `authz.invalid_permission` reachable.
  viewer: [
    { verbs: 'any', prefix: `${BARONG}/resource/` },
    { verbs: ['GET'], prefix: `${PEATIO}/` },
  ],
};

export function rolePermits(role: Role, method: string, path: string): boolean {
  return RULES[role].some((rule) => path.startsWith(rule.prefix) && (rule.verbs === 'any' || rule.verbs.includes(method)));
}
