import { AppError } from '../../app/app-error';
import { testKey } from '../barong/runner/test-key';
import type { BackendParts } from './backend-parts';
import { definedFields } from './defined-fields';
import type { HandlersOf } from './serve-channels';

/** Keys in the vault: import, edit, forget, reveal and policy (privileged), test, interrupted creations. */
export function keyHandlers({ vault, runner, clipboard }: BackendParts): HandlersOf<'keys'> {
  return {
    'keys.list': async ({ accountId }) => vault.listKeys(accountId),
    'keys.import': async (input) => vault.importKey(input),
    'keys.edit': async ({ keyId, label, scopes }) => vault.editKey(keyId, definedFields({ label, scopes })),
    'keys.delete': async ({ keyId }) => {
      vault.deleteKey(keyId);
      return null;
    },
    // A kid names the key to the exchange and is no secret: plain, it stays on the clipboard.
    'keys.copyKid': async ({ keyId }) => {
      const { kid } = vault.key(keyId);
      if (!clipboard) throw new AppError('clipboard.unavailable', 'There is no clipboard here to copy to: select the kid and copy it yourself.');
      await clipboard.copy(kid, 'plain');
      return null;
    },
    // Privileged: main/privilege has proved the owner before these run.
    'keys.reveal': async ({ keyId, deliver = 'page' }) => {
      if (deliver === 'page') return { secret: vault.revealSecret(keyId) };
      // Checked before the secret is read: no clipboard, no reveal, and nothing audited as one.
      if (!clipboard) throw new AppError('clipboard.unavailable', 'There is no clipboard here to copy to: reveal the secret on the page instead.');
      // Audited as a reveal by the vault; the answer says when it clears, never what it was.
      return { clearsInSeconds: await clipboard.copy(vault.revealSecret(keyId), 'secret') };
    },
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
