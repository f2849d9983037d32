import type { EventName, EventPayload } from '../../app/contract/events';
import type { ExchangeClocks } from '../barong/clock/exchange-clocks';
import type { RunnerContext } from '../barong/runner/run-signed-request';
import type { BarongSessions } from '../barong/session/barong-sessions';
import type { ClipboardCopier } from '../clipboard/clipboard-copier';
import type { KeychainWrapper } from '../vault/keychain-wrapper';
import type { Vault } from '../vault/vault';

export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** The pieces the channel handlers are made of, built once by createBackend. */
export interface BackendParts {
  vault: Vault;
  sessions: BarongSessions;
  clocks: ExchangeClocks;
  runner: RunnerContext;
  keychain: KeychainWrapper | undefined;
  /** None in the CLI, which prints instead. */
  clipboard: ClipboardCopier | undefined;
  emit: EmitEvent;
  now: () => number;
}
