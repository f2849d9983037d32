import { create } from 'zustand';
import type { HttpMethod } from './signer-store';

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
  /** A request the signer should put in its form once it is up (an audit row's Sign again). */
  signerRequest: { method: HttpMethod; path: string } | null;
  show(view: View): void;
  showAccountTab(tab: AccountTab): void;
  openPalette(): void;
  closePalette(): void;
  /** Shows the Sign tab with the key of this kid chosen, and this request in the form if one is given. */
  signWith(kid: string, request?: { method: HttpMethod; path: string }): void;
  signerKidTaken(): void;
  signerRequestTaken(): void;
  /** On lock: the next unlock starts from the accounts. */
  reset(): void;
}

const initial = {
  view: 'accounts' as View,
  accountTab: 'sign' as AccountTab,
  paletteOpen: false,
  signerKid: null as string | null,
  signerRequest: null as ViewState['signerRequest'],
};

export const useViewStore = create<ViewState>()((set) => ({
  ...initial,
  show: (view) => set({ view }),
  showAccountTab: (accountTab) => set({ view: 'accounts', accountTab }),
  openPalette: () => set({ paletteOpen: true }),
  closePalette: () => set({ paletteOpen: false }),
  signWith: (kid, request) => set({ view: 'accounts', accountTab: 'sign', signerKid: kid, signerRequest: request ?? null }),
  signerKidTaken: () => set({ signerKid: null }),
  signerRequestTaken: () => set({ signerRequest: null }),
  reset: () => set(initial),
}));
