import { create } from 'zustand';

export type View = 'accounts' | 'audit' | 'settings';
/** The chosen account's tabs, Sign first: the desk opens on signing. */
export type AccountTab = 'sign' | 'keys' | 'exchange' | 'details';

interface ViewState {
  view: View;
  accountTab: AccountTab;
  /** The command palette (Cmd/Ctrl+K) is open over the current screen. */
  paletteOpen: boolean;
  /** A key the signer should choose once the account's keys are in (from the palette or a row's Use in signer). */
  signerKid: string | null;
  show(view: View): void;
  showAccountTab(tab: AccountTab): void;
  openPalette(): void;
  closePalette(): void;
  /** Shows the Sign tab with the key of this kid chosen. */
  signWith(kid: string): void;
  signerKidTaken(): void;
  /** On lock: the next unlock starts from the accounts. */
  reset(): void;
}

const initial = { view: 'accounts' as View, accountTab: 'sign' as AccountTab, paletteOpen: false, signerKid: null as string | null };

export const useViewStore = create<ViewState>()((set) => ({
  ...initial,
  show: (view) => set({ view }),
  showAccountTab: (accountTab) => set({ view: 'accounts', accountTab }),
  openPalette: () => set({ paletteOpen: true }),
  closePalette: () => set({ paletteOpen: false }),
  signWith: (kid) => set({ view: 'accounts', accountTab: 'sign', signerKid: kid }),
  signerKidTaken: () => set({ signerKid: null }),
  reset: () => set(initial),
}));
