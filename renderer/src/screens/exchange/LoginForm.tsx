import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from '../../error-text';
import type { AccountSummary } from '../../store/accounts-store';
import { useExchangeStore } from '../../store/exchange-store';
import { CaptchaNotice } from './CaptchaNotice';
import { CodeField } from './CodeField';

/**
 * Email and password, then a 2FA code when the exchange asks for one; the password leaves the page
 * once logged in. Where the exchange's login asks for a captcha, the way forward instead.
 */
export function LoginForm({ account }: { account: AccountSummary }) {
  const state = useExchangeStore();
  const checkLogin = useExchangeStore((store) => store.checkLogin);
  const id = useId();
  useEffect(() => {
    void checkLogin(account.id);
  }, [account.id, checkLogin]);
  const [email, setEmail] = useState(account.loginEmail ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void state.login(email.trim(), password, state.loginCodeNeeded ? code : undefined).then(() => {
      if (useExchangeStore.getState().session?.status === 'logged_in') setPassword('');
    });
  };
  if (state.loginCaptcha) return <CaptchaNotice />;
  return (
    <form aria-label="Log in" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
      </div>
      {state.loginCodeNeeded && <CodeField id={id} code={code} onChange={setCode} refusal={state.loginError} />}
      {state.loginCodeNeeded && <p className="note">The account has 2FA on: enter the current code from the authenticator app.</p>}
      <p className="error" role="alert">
        {state.loginError ? errorText(state.loginError) : ''}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={state.busy === 'login' || email.trim() === '' || password === ''}>
          Log in
        </button>
        {state.loginCodeNeeded && (
          <button type="button" onClick={() => state.cancelLoginCode()}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
