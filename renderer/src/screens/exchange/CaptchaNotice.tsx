import { useId } from 'react';
import { CAPTCHA_LOGIN } from '../../../../app/barong/captcha-login';
import { useViewStore } from '../../store/view-store';

/**
 * In place of the login form when the exchange asks for a captcha, which the app cannot show:
 * said before any password is asked for, with the way forward, and a button to the Keys tab's
 * Import key form.
 */
export function CaptchaNotice() {
  const id = useId();
  const goToImport = () => {
    useViewStore.getState().showAccountTab('keys');
    // The Keys tab renders its form on the next frame.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('form[aria-label="Import key"] input')?.focus());
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="notice caution">
      <h4 id={`${id}-heading`}>Log in</h4>
      <p role="status">
        <strong>{CAPTCHA_LOGIN.message}</strong> {CAPTCHA_LOGIN.action}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={goToImport}>
          Go to Import key
        </button>
      </div>
    </section>
  );
}
