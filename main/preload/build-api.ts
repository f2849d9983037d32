import type { Api } from '../../app/contract/api';
import { listenerName, splitName } from '../../app/contract/api';
import { CHANNEL_NAMES } from '../../app/contract/channels';
import { EVENT_NAMES } from '../../app/contract/events';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
/** Subscribes to an event from main with the payload only (never Electron's event object); returns the unsubscribe. */
export type Listen = (event: string, listener: (payload: unknown) => void) => () => void;

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.api`: one frozen object per namespace with a function per channel, and
 * `on<Event>` for each event, built from the contract and nothing else. The page can neither
 * reach another channel nor Electron's event object (whose `sender` is the IPC itself).
 */
export function buildApi(invoke: Invoke, listen: Listen): Api {
  const namespaces: Record<string, Record<string, unknown>> = {};
  const namespace = (name: string) => (namespaces[name] ??= {});
  for (const channel of CHANNEL_NAMES) {
    const [name, method] = splitName(channel);
    namespace(name)[method] = (input?: unknown) => invoke(channel, input);
  }
  for (const event of EVENT_NAMES) {
    const [name] = splitName(event);
    namespace(name)[listenerName(event)] = (listener: (payload: unknown) => void) => listen(event, (payload) => listener(payload));
  }
  return Object.freeze(Object.fromEntries(Object.entries(namespaces).map(([name, members]) => [name, Object.freeze(members)]))) as unknown as Api;
}

/** invoke and listen over an ipcRenderer: the preload script is `buildApi(...overIpcRenderer(ipcRenderer))`. */
export function overIpcRenderer(ipcRenderer: IpcRendererLike): [Invoke, Listen] {
  return [
    (channel, input) => ipcRenderer.invoke(channel, input),
    (event, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  ];
}
