import { useToasts } from './toasts';

/** Where toasts appear: one live region for all of them, present from the start so that screen readers hear each. */
export function Toasts() {
  const toasts = useToasts((state) => state.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <p className="toast" key={toast.id}>
          {toast.text}
        </p>
      ))}
    </div>
  );
}
