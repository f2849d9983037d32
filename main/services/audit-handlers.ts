import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

/** The audit log, newest first, paged by id. */
export function auditHandlers({ vault }: BackendParts): HandlersOf<'audit'> {
  return {
    'audit.list': async ({ limit, beforeId }) => vault.auditLog(limit, beforeId),
  };
}
