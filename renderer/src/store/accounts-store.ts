import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../app/contract/api';
import type { ErrorInfo } from '../../../app/contract/result';
import { api } from '../window-api';

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
  /** Ids of the accounts the search found (by account or by key); null when the box is empty. */
  matches: ReadonlySet<string> | null;
  selectedId: string | null;
  /** The selected account's keys; null while loading. */
  keys: ApiKey[] | null;
  load(): Promise<void>;
  search(text: string): Promise<void>;
  select(accountId: string | null): Promise<void>;
  /** Actions answer with their error, or null, so the form that asked shows it in place. */
  create(fields: AccountFields): Promise<ErrorInfo | null>;
  update(accountId: string, fields: AccountFields): Promise<ErrorInfo | null>;
  remove(accountId: string): Promise<ErrorInfo | null>;
  importKey(accountId: string, input: KeyImport): Promise<{ error: ErrorInfo } | { warnings: string[] }>;
  /** After a change made elsewhere (the exchange section): the list and the shown keys again. */
  refreshKeys(accountId: string): Promise<void>;
  /** On lock: nothing about the accounts stays in the page. */
  reset(): void;
}

const initial = { accounts: null, loadError: null, query: '', matches: null, selectedId: null, keys: null };

export const useAccountsStore = create<AccountsState>()((set, get) => {
  /** Each search answer is kept only if no later keystroke asked again. */
  let searchSeq = 0;

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
      if (result.ok) set({ accounts: result.value, loadError: null });
      else set({ loadError: result.error });
      const { query } = get();
      if (query.trim() !== '') await get().search(query);
    },
    search: async (text) => {
      const seq = ++searchSeq;
      set({ query: text });
      if (text.trim() === '') {
        set({ matches: null });
        return;
      }
      const result = await api().vault.search({ text: text.trim() });
      if (seq !== searchSeq) return;
      if (!result.ok) {
        set({ loadError: result.error });
        return;
      }
      set({ matches: new Set(result.value.accountIds) });
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
    update: async (accountId, fields) => {
      const result = await api().accounts.update({ accountId, fields });
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
      searchSeq++;
      set(initial);
    },
  };
});
