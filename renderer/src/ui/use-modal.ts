import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Shows the <dialog> as modal while the component is mounted. The browser gives the focus back
 * only when a dialog closes in the page; React removes it first, so the element that had the
 * focus before it opened gets it back here.
 */
export function useModal(dialog: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [dialog]);
}
