import { create } from 'zustand';
import type { EventPayload } from '../../../app/contract/events';

export type OpenedBackup = EventPayload<'backup.opened'>;

interface OpenedBackupState {
  /**
   * A backup the trader opened from the computer, waiting for the import form. A lock keeps it:
   * the content is encrypted, the file was opened on purpose, and an auto-lock during a restore
   * should not make the trader open it again. Importing it or cancelling drops it.
   */
  backup: OpenedBackup | null;
  opened(backup: OpenedBackup): void;
  clear(): void;
}

export const useOpenedBackupStore = create<OpenedBackupState>()((set) => ({
  backup: null,
  opened: (backup) => set({ backup }),
  clear: () => set({ backup: null }),
}));
