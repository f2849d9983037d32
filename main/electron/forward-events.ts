import type { AppCore } from '../core/create-app-core';

interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Sends the backend's events to the window, by their contract names; a closed window gets nothing. */
export function forwardEvents(core: Pick<AppCore, 'onEvent'>, contents: EventTarget): () => void {
  return core.onEvent((name, payload) => {
    if (!contents.isDestroyed()) contents.send(name, payload);
  });
}
