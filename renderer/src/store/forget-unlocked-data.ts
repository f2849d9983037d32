import { useAccountsStore } from './accounts-store';
import { useAgentStore } from './agent-store';
import { useExchangeStore } from './exchange-store';
import { useViewStore } from './view-store';

/**
 * The vault locked (from this page, or from main: auto-lock, suspend, the menu): the stores that
 * hold what an unlocked vault showed let it go, and the lock screen starts from nothing. An opened
 * backup stays (see its store).
 */
export function forgetUnlockedData(): void {
  useAccountsStore.getState().reset();
  useAgentStore.getState().reset();
  useExchangeStore.getState().forget();
  useViewStore.getState().reset();
}
