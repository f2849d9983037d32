import { create } from 'zustand';
import type { ResponseOf } from '../../../app/contract/api';
import type { EventPayload } from '../../../app/contract/events';
import type { ErrorInfo } from '../../../app/contract/result';
import { api } from '../window-api';
import { statusSettler } from './settle-status';

export type AgentStatus = ResponseOf<'agent.status'>;
export type AgentClient = AgentStatus['clients'][number];
/** The owner's proof a privileged change carries (see OwnerProof). */
type OwnerProofRequest = { ownerPassphrase?: string };

interface AgentState {
  /** Null until the first answer. Holds the proxies' urls, which work as credentials: dropped on lock. */
  status: AgentStatus | null;
  loadError: ErrorInfo | null;
  load(): Promise<void>;
  /** Each action answers with its error, or null, so the control that asked shows it in place. */
  setEnabled(enabled: boolean, owner?: OwnerProofRequest): Promise<ErrorInfo | null>;
  startProxy(keyId: string, owner: OwnerProofRequest): Promise<ErrorInfo | null>;
  stopProxy(keyId: string): Promise<ErrorInfo | null>;
  /** Main's `agent.clients` event: the programs connected now. */
  clientsChanged(clients: EventPayload<'agent.clients'>['clients']): void;
  reset(): void;
}

export const useAgentStore = create<AgentState>()((set, get) => {
  const settle = statusSettler<AgentStatus>(set);
  return {
    status: null,
    loadError: null,
    load: async () => {
      const result = await api().agent.status();
      if (result.ok) set({ status: result.value, loadError: null });
      else set({ loadError: result.error });
    },
    setEnabled: async (enabled, owner = {}) => settle(await api().agent.setEnabled({ enabled, ...owner })),
    startProxy: async (keyId, owner) => settle(await api().agent.startProxy({ keyId, ...owner })),
    stopProxy: async (keyId) => settle(await api().agent.stopProxy({ keyId })),
    clientsChanged: (clients) => {
      const { status } = get();
      if (status) set({ status: { ...status, clients } });
    },
    reset: () => set({ status: null, loadError: null }),
  };
});
