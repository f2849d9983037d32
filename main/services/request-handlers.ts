import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

/** Requests saved by name per account. Not privileged: they hold no secret and change where nothing goes. */
export function requestHandlers({ vault }: BackendParts): HandlersOf<'requests'> {
  return {
    'requests.list': async ({ accountId }) => vault.listSavedRequests(accountId),
    'requests.save': async (input) => vault.saveRequest(input),
    'requests.delete': async ({ requestId }) => {
      vault.deleteSavedRequest(requestId);
      return null;
    },
  };
}
