import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../app/contract/api';
import type { ErrorInfo } from '../../../app/contract/result';
import { api } from '../window-api';
import { deskOrder } from './account-order';
import { accountFilter } from './account-search';

export type AccountSummary = ResponseOf<'accounts.list'>[number];
export type Account = ResponseOf<'accounts.get'>;
export type ApiKey = ResponseOf<'keys.list'>[number];
export type AccountFields = RequestOf<'accounts.create'>;
export type KeyImport = Omit<RequestOf<'keys.import'>, 'accountId'>;

interface AccountsState {
  /** Null until the first answer. */
  accounts: AccountSummary[] | null;
  loadError: ErrorInfo | null;
  query: string;
  /** The accounts the search box lets through, in list order; null until the first answer. */
  shown: AccountSummary[] | null;
  selectedId: string | null;
  /** The selected account's keys; null while loading. */
  keys: ApiKey[] | null;
  load(): Promise<void>;
  /** Filters in the page, with no call to main: each keystroke shows its list in the same frame. */
  search(text: string): void;
  select(accountId: string | null): Promise<void>;
  /** Actions answer with their error, or null, so the form that asked shows it in place. */
  create(fields: AccountFields): Promise<ErrorInfo | null>;
  /** Privileged when the base URL changes: the request then carries the owner's proof. */
  update(change: RequestOf<'accounts.update'>): Promise<ErrorInfo | null>;
  remove(accountId: string): Promise<ErrorInfo | null>;
  importKey(accountId: string, input: KeyImport): Promise<{ error: ErrorInfo } | { warnings: string[] }>;
  /** After a change made elsewhere (the exchange section): the list and the shown keys again. */
  refreshKeys(accountId: string): Promise<void>;
  /** On lock: nothing about the accounts stays in the page. */
  reset(): void;
}

const initial = { accounts: null, loadError: null, query: '', shown: null, selectedId: null, keys: null };

export const useAccountsStore = create<AccountsState>()((set, get) => {
  /** Built once per list, so that a keystroke only compares. */
  let filter = accountFilter<AccountSummary>([]);

  const loadKeys = async (accountId: string) => {
    const result = await api().keys.list({ accountId });
    if (get().selectedId !== accountId) return;
    if (result.ok) set({ keys: result.value });
    else set({ keys: [], loadError: result.error });
  };

  return {
    ...initial,
    load: async () => {
      const result = await api().accounts.list();
      if (!result.ok) {
        set({ loadError: result.error });
        return;
      }
      const accounts = deskOrder(result.value, Date.now());
      filter = accountFilter(accounts);
      set({ accounts, shown: filter(get().query), loadError: null });
    },
    search: (text) => {
      set({ query: text, shown: get().accounts && filter(text) });
    },
    select: async (accountId) => {
      set({ selectedId: accountId, keys: null });
      if (accountId) await loadKeys(accountId);
    },
    create: async (fields) => {
      const result = await api().accounts.create(fields);
      if (!result.ok) return result.error;
      await get().load();
      return null;
    },
    update: async (change) => {
      const result = await api().accounts.update(change);
      if (!result.ok) return result.error;
      await get().load();
      return null;
    },
    remove: async (accountId) => {
      const result = await api().accounts.delete({ accountId });
      if (!result.ok) return result.error;
      if (get().selectedId === accountId) set({ selectedId: null, keys: null });
      await get().load();
      return null;
    },
    importKey: async (accountId, input) => {
      const result = await api().keys.import({ accountId, ...input });
      if (!result.ok) return { error: result.error };
      await Promise.all([get().load(), loadKeys(accountId)]);
      return { warnings: result.value.warnings };
    },
    refreshKeys: async (accountId) => {
      await Promise.all([get().load(), get().selectedId === accountId ? loadKeys(accountId) : Promise.resolve()]);
    },
    reset: () => {
      filter = accountFilter([]);
      set(initial);
    },
  };
});
