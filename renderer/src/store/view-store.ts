import { create } from 'zustand';

export type View = 'accounts' | 'audit' | 'settings';

interface ViewState {
  view: View;
  /** Cmd/Ctrl+K was pressed and the accounts' search box has not taken the focus yet. */
  searchFocusOwed: boolean;
  show(view: View): void;
  /** Shows the accounts and asks their search box for the focus. */
  focusSearch(): void;
  searchFocused(): void;
  /** On lock: the next unlock starts from the accounts. */
  reset(): void;
}

export const useViewStore = create<ViewState>()((set) => ({
  view: 'accounts',
  searchFocusOwed: false,
  show: (view) => set({ view }),
  focusSearch: () => set({ view: 'accounts', searchFocusOwed: true }),
  searchFocused: () => set({ searchFocusOwed: false }),
  reset: () => set({ view: 'accounts', searchFocusOwed: false }),
}));
