import { isAppError } from '../../app/app-error';
import { AccountKeys } from '../barong/keys/account-keys';
import { ExchangeKeys } from '../barong/keys/exchange-keys';
import { sessionErrors } from '../barong/session/session-errors';
import type { BackendParts } from './backend-parts';
import { withTwoFactor } from './code-flow';
import type { HandlersOf } from './serve-channels';

/** Each account's session with its exchange, the keys on the exchange, and its clock. */
export function exchangeHandlers(parts: BackendParts): HandlersOf<'exchange'> {
  const { vault, sessions, clocks, emit } = parts;
  const accountKeys = (accountId: string) => {
    const session = sessions.session(accountId);
    return new AccountKeys(vault, session, new ExchangeKeys(session));
  };
  return {
    'exchange.session': async ({ accountId }) => {
      vault.account(accountId);
      return sessions.stateOf(accountId);
    },
    'exchange.loginRequirements': async ({ accountId }) => ({ captcha: await sessions.session(accountId).loginNeedsCaptcha() }),
    'exchange.login': ({ accountId, email, password, code }) =>
      withTwoFactor(emit, { accountId, purpose: 'login', code }, async (codeOptions) => {
        await sessions.session(accountId).login({ email, password }, codeOptions);
        const state = sessions.stateOf(accountId);
        // Locked (or logged out) while the login was in flight: the session is gone already.
        if (state.status !== 'logged_in') throw sessionErrors.loggedOut();
        return state;
      }),
    'exchange.logout': async ({ accountId }) => {
      await sessions.session(accountId).logout();
      return sessions.stateOf(accountId);
    },
    'exchange.balances': ({ accountId }) => sessions.session(accountId).balances(),
    'exchange.reconcileKeys': async ({ accountId }) => {
      const { secretUnknown, ...rest } = await accountKeys(accountId).reconcile();
      return { onlyOnExchange: secretUnknown, ...rest };
    },
    'exchange.createKey': ({ accountId, label, scopes, code }) =>
      withTwoFactor(emit, { accountId, purpose: 'create-key', code }, async (codeOptions) => {
        const created = await accountKeys(accountId).create(
          { ...(label === undefined ? {} : { label }), ...(scopes === undefined ? {} : { scopes }) },
          codeOptions,
        );
        return { status: 'created' as const, ...created };
      }),
    'exchange.setKeyEnabled': async ({ keyId, enabled, code }) => {
      const { accountId } = vault.key(keyId);
      return withTwoFactor(emit, { accountId, purpose: 'change-key', code }, async (codeOptions) => ({
        status: 'changed' as const,
        key: await accountKeys(accountId).setEnabled(keyId, enabled, codeOptions),
      }));
    },
    'exchange.deleteKey': async ({ keyId, code }) => {
      const { accountId } = vault.key(keyId);
      return withTwoFactor(emit, { accountId, purpose: 'delete-key', code }, async (codeOptions) => {
        await accountKeys(accountId).delete(keyId, codeOptions);
        return { status: 'deleted' as const };
      });
    },
    'exchange.syncClock': async ({ accountId }) => {
      try {
        return await clocks.sync(vault.account(accountId));
      } catch (error) {
        // A host claiming a far-off time is refused; the trader sees who tried what in the audit log.
        if (isAppError(error) && error.code === 'clock.offset_too_large') vault.recordClockRefusal(accountId, error.message);
        throw error;
      }
    },
    'exchange.clock': async ({ accountId }) => clocks.reading(vault.account(accountId)),
  };
}
