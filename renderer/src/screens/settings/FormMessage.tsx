import type { FormAction } from './use-form-action';

/**
 * The form's refusal (an alert) or what it did (a status), on one line kept open even when
 * empty, so that a message appearing does not move the controls below it.
 */
export function FormMessage({ action, errorId }: { action: FormAction; errorId: string }) {
  return (
    <div className="form-message">
      <p className="error" id={errorId} role="alert">
        {action.error}
      </p>
      <p role="status">{action.note}</p>
    </div>
  );
}
