import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../app/contract/api';
import type { ErrorInfo } from '../../../app/contract/result';
import { api } from '../window-api';
import { statusSettler } from './settle-status';

export type VaultStatus = ResponseOf<'vault.status'>;

interface VaultState {
  /** Null until the first answer: the app shows nothing it would have to take back. */
  status: VaultStatus | null;
  /** Why the status could not be read at all; the screens show their own errors. */
  loadError: ErrorInfo | null;
  refresh(): Promise<void>;
  /** Each action answers with its error, or null, so the screen that asked can show it in place. */
  create(setup: RequestOf<'vault.create'>): Promise<ErrorInfo | null>;
  unlock(passphrase?: string): Promise<ErrorInfo | null>;
  lock(): Promise<ErrorInfo | null>;
  /** What unlocks the vault, each change privileged (the owner's proof); the vault refuses a change that would leave nothing. */
  setPassphrase(change: RequestOf<'vault.setPassphrase'>): Promise<ErrorInfo | null>;
  removePassphrase(proof: RequestOf<'vault.removePassphrase'>): Promise<ErrorInfo | null>;
  addKeychain(proof: RequestOf<'vault.addKeychain'>): Promise<ErrorInfo | null>;
  removeKeychain(proof: RequestOf<'vault.removeKeychain'>): Promise<ErrorInfo | null>;
}

export const useVaultStore = create<VaultState>()((set) => {
  const settle = statusSettler<VaultStatus>(set);
  return {
    status: null,
    loadError: null,
    refresh: async () => {
      const result = await api().vault.status();
      if (result.ok) set({ status: result.value, loadError: null });
      else set({ loadError: result.error });
    },
    create: async (setup) => settle(await api().vault.create(setup)),
    unlock: async (passphrase) => settle(await api().vault.unlock(passphrase === undefined ? {} : { passphrase })),
    lock: async () => settle(await api().vault.lock()),
    setPassphrase: async (change) => settle(await api().vault.setPassphrase(change)),
    removePassphrase: async (proof) => settle(await api().vault.removePassphrase(proof)),
    addKeychain: async (proof) => settle(await api().vault.addKeychain(proof)),
    removeKeychain: async (proof) => settle(await api().vault.removeKeychain(proof)),
  };
});
