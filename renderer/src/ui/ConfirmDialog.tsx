import { useId, useRef } from 'react';
import { useModal } from './use-modal';
import type { ReactNode } from 'react';

interface ConfirmDialogProps {
  title: string;
  /** What happens, and what is lost, in words. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Destructive confirmations are red, and the focus starts on Cancel, the safe answer. */
  tone?: 'destructive' | 'primary';
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A question before an action that costs something, on the native modal <dialog>: the rest of the
 * page is inert while it is open, Escape cancels, and the focus goes back where it was (see useModal).
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'destructive',
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useModal(dialog);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy} autoFocus={tone === 'destructive'}>
          {cancelLabel}
        </button>
        <button type="button" className={tone} onClick={onConfirm} disabled={busy} autoFocus={tone === 'primary'}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
