import { useId, useState } from 'react';
import type { KeyAction } from '../../store/exchange-store';
import { useExchangeStore } from '../../store/exchange-store';
import { CodeField } from './CodeField';

const keyActionWords = (action: KeyAction) =>
  action.kind === 'create' ? 'create the key' : action.kind === 'delete' ? `delete key ${action.kid}` : `${action.kind} key ${action.kid}`;

/** A 6-digit code for the key write the exchange answered with `code_needed`: the write is sent again with it. */
export function KeyCodeForm({ action }: { action: KeyAction }) {
  const { runKeyAction, cancelKeyCode, keysError } = useExchangeStore();
  const id = useId();
  const [code, setCode] = useState('');
  return (
    <form
      aria-label="Key change code"
      className="code-form"
      onSubmit={(event) => {
        event.preventDefault();
        void runKeyAction(action, code);
      }}
    >
      <p>The exchange asks for a 2FA code to {keyActionWords(action)}.</p>
      <CodeField id={id} code={code} onChange={setCode} refusal={keysError} />
      <div className="actions">
        <button type="submit" className="primary" disabled={code.trim() === ''}>
          Send the code
        </button>
        <button type="button" onClick={() => cancelKeyCode()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
