import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
}

interface ToastState {
  toasts: Toast[];
  /** A short confirmation that goes away by itself (and is announced politely). */
  show(text: string): void;
}

const TOAST_MS = 4000;

export const useToasts = create<ToastState>()((set, get) => {
  let seq = 0;
  return {
    toasts: [],
    show: (text) => {
      const id = ++seq;
      set({ toasts: [...get().toasts.slice(-2), { id, text }] });
      window.setTimeout(() => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }), TOAST_MS);
    },
  };
});
