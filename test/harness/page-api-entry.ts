// Runs in the page before the app's script, in place of the preload: `window.api` is built by
// the real buildApi, over a Playwright binding (which answers each Result as JSON text) instead
// of ipcRenderer.
import { buildApi } from '../../main/preload/build-api';
import type { Listen } from '../../main/preload/build-api';
import { DELIVER_EVENT, INVOKE_BINDING } from './page-bridge-names';

type InvokeBinding = (channel: string, input: unknown) => Promise<string>;

const page = globalThis as unknown as Record<string, unknown>;
const invokeBinding = page[INVOKE_BINDING] as InvokeBinding;
// Like the preload, the page should see window.api and nothing else; the binding is kept in
// this closure only (Playwright may make it non-configurable, then it stays visible: test-only).
Reflect.deleteProperty(page, INVOKE_BINDING);

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const listen: Listen = (event, listener) => {
  const forEvent = listeners.get(event) ?? new Set();
  listeners.set(event, forEvent);
  forEvent.add(listener);
  return () => {
    forEvent.delete(listener);
  };
};

Object.defineProperty(page, DELIVER_EVENT, {
  value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
});
// contextBridge makes window.api read-only; so does the harness.
Object.defineProperty(page, 'api', {
  value: buildApi(async (channel, input) => JSON.parse(await invokeBinding(channel, input)) as unknown, listen),
  enumerable: true,
});
