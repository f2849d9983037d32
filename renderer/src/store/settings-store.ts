import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../app/contract/api';
import type { ErrorInfo } from '../../../app/contract/result';
import { api } from '../window-api';

export type Settings = ResponseOf<'settings.get'>;
export type SettingsChange = RequestOf<'settings.update'>;
export type Theme = Settings['theme'];

interface SettingsState {
  /** Null until the first answer; readable while the vault is locked, so the lock screen has its theme. */
  settings: Settings | null;
  loadError: ErrorInfo | null;
  /** Counts the loads: forms holding typed drafts start again from what a load brought in (an import's settings). */
  revision: number;
  load(): Promise<void>;
  /** Answers with the vault's refusal, or null, so the control that asked shows it in place. */
  update(change: SettingsChange): Promise<ErrorInfo | null>;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  loadError: null,
  revision: 0,
  load: async () => {
    const result = await api().settings.get();
    if (result.ok) set({ settings: result.value, loadError: null, revision: get().revision + 1 });
    else set({ loadError: result.error });
  },
  update: async (change) => {
    const result = await api().settings.update(change);
    if (!result.ok) return result.error;
    set({ settings: result.value, loadError: null });
    return null;
  },
}));
