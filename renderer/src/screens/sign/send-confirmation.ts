/**
 * Whether Send asks before a state-changing request, per account; on unless the trader turned it
 * off for that account. Kept in the page's own storage: a convenience of this window, not a
 * protection (Send itself stays possible either way).
 */
const storageKey = (accountId: string) => `barong-vault.send-confirmation.${accountId}`;

export function asksBeforeSend(accountId: string): boolean {
  return window.localStorage.getItem(storageKey(accountId)) !== 'off';
}

export function setAsksBeforeSend(accountId: string, asks: boolean): void {
  if (asks) window.localStorage.removeItem(storageKey(accountId));
  else window.localStorage.setItem(storageKey(accountId), 'off');
}
