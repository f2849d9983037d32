import { useEffect, useId, useState } from 'react';
import { CAPTCHA_LOGIN } from '../../../../app/barong/captcha-login';

// The Import key form of the account, where the way forward leads; found by its accessible name.
const importKeyForm = () => document.querySelector<HTMLFormElement>('form[aria-label="Import key"]');

/**
 * In place of the login form when the exchange asks for a captcha, which the app cannot show:
 * said before any password is asked for, with the way forward, and a button to the Import key
 * form where it is on the page.
 */
export function CaptchaNotice() {
  const id = useId();
  const [importHere, setImportHere] = useState(false);
  // Checked once the page is laid out: the form is the account's, outside this section.
  useEffect(() => setImportHere(importKeyForm() !== null), []);
  const goToImport = () => importKeyForm()?.querySelector<HTMLInputElement>('input')?.focus();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Log in</h4>
      <p role="status">
        <strong>{CAPTCHA_LOGIN.message}</strong> {CAPTCHA_LOGIN.action}
      </p>
      {importHere && (
        <div className="actions">
          <button type="button" onClick={goToImport}>
            Go to Import key
          </button>
        </div>
      )}
    </section>
  );
}
