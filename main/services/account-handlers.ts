import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

/** The vault's accounts; the fields are checked in depth by the vault, with its messages. */
export function accountHandlers({ vault, sessions }: BackendParts): HandlersOf<'accounts'> {
  return {
    'accounts.list': async () => vault.listAccounts().map((account) => ({ ...account, session: sessions.stateOf(account.id).status })),
    'accounts.get': async ({ accountId }) => vault.account(accountId),
    'accounts.create': async (fields) => vault.createAccount(fields),
    'accounts.update': async ({ accountId, fields }) => vault.updateAccount(accountId, fields),
    'accounts.delete': async ({ accountId }) => {
      // Its session's cookie must not outlive it in memory.
      if (sessions.stateOf(accountId).status === 'logged_in') sessions.session(accountId).drop();
      vault.deleteAccount(accountId);
      return null;
    },
    'accounts.reorder': async ({ accountIds }) => {
      vault.reorderAccounts(accountIds);
      return null;
    },
    'accounts.setTotpSeed': async ({ accountId, seed }) => {
      vault.setTotpSeed(accountId, seed);
      return vault.account(accountId);
    },
  };
}
