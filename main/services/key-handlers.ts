import { testKey } from '../barong/runner/test-key';
import type { BackendParts } from './backend-parts';
import { definedFields } from './defined-fields';
import type { HandlersOf } from './serve-channels';

/** Keys in the vault: import, edit, forget, reveal and policy (privileged), test, interrupted creations. */
export function keyHandlers({ vault, runner }: BackendParts): HandlersOf<'keys'> {
  return {
    'keys.list': async ({ accountId }) => vault.listKeys(accountId),
    'keys.import': async (input) => vault.importKey(input),
    'keys.edit': async ({ keyId, label, scopes }) => vault.editKey(keyId, definedFields({ label, scopes })),
    'keys.delete': async ({ keyId }) => {
      vault.deleteKey(keyId);
      return null;
    },
    // Privileged: main/privilege has proved the owner before these run.
    'keys.reveal': async ({ keyId }) => ({ secret: vault.revealSecret(keyId) }),
    'keys.setPolicy': async ({ keyId, policy }) => vault.setKeyPolicy(keyId, policy),
    'keys.test': async ({ keyId }) => {
      const result = await testKey(runner, keyId);
      if (result.ok) return { works: true, balances: result.balances, totalMs: result.totalMs };
      const { code, message, action, status } = result.error;
      return { works: false, problem: { code, message, action, ...(status === undefined ? {} : { status }) } };
    },
    'keys.pendingCreations': async ({ accountId }) => vault.pendingKeyCreations(accountId),
    'keys.dismissCreation': async ({ creationId }) => {
      vault.dismissKeyCreation(creationId);
      return null;
    },
  };
}
