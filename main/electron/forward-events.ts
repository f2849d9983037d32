import type { Backend } from '../services/create-backend';

interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Sends the backend's events to the window, by their contract names; a closed window gets nothing. */
export function forwardEvents(backend: Pick<Backend, 'onEvent'>, contents: EventTarget): () => void {
  return backend.onEvent((name, payload) => {
    if (!contents.isDestroyed()) contents.send(name, payload);
  });
}
