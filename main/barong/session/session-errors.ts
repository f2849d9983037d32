import { ExchangeError } from '../exchange-error';

/** The client's own refusals about sessions and 2FA codes, in the words shown to the trader. */
export const sessionErrors = {
  expired: (status?: number) =>
    new ExchangeError('session.expired', 'The session with the exchange has expired: log in again.', {
      ...(status === undefined ? {} : { status }),
      action: 'Log in again.',
    }),
  loggedOut: () => new ExchangeError('session.logged_out', 'You are not logged in to this exchange.', { action: 'Log in first.' }),
  codeNeeded: () =>
    new ExchangeError('session.code_needed', 'This account has 2FA on: a code from the authenticator app is needed.', {
      action: 'Enter the current code, or store the 2FA seed for this account.',
    }),
  codeSpent: () =>
    new ExchangeError('session.code_spent', 'This 2FA code was just used and the exchange will refuse it again: wait for the next code.', {
      action: 'Wait for the authenticator app to show a new code, then enter that one.',
    }),
  noSession: () => new ExchangeError('exchange.unexpected_answer', 'The exchange accepted the login but opened no session (no cookie or CSRF token).'),
};
