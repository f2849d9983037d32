import { describe, expect, it, vi } from 'vitest';
import { listenerName, splitName } from '../../app/contract/api';
import { CHANNEL_NAMES } from '../../app/contract/channels';
import { EVENT_NAMES } from '../../app/contract/events';
import { buildApi, overIpcRenderer } from './build-api';
import type { IpcRendererLike } from './build-api';

/** What the contract says window.api holds: namespace -> member names. */
function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of CHANNEL_NAMES) (shape[splitName(channel)[0]] ??= []).push(splitName(channel)[1]);
  for (const event of EVENT_NAMES) (shape[splitName(event)[0]] ??= []).push(listenerName(event));
  return shape;
}

describe('buildApi', () => {
  it("exposes exactly the contract's namespaces and functions, frozen", () => {
    const api = buildApi(vi.fn(), vi.fn()) as unknown as Record<string, Record<string, unknown>>;
    const expected = expectedShape();
    expect(Object.keys(api).sort()).toEqual(Object.keys(expected).sort());
    for (const [namespace, members] of Object.entries(expected)) {
      expect(Object.keys(api[namespace] ?? {}).sort(), namespace).toEqual([...members].sort());
      for (const member of members) expect(typeof api[namespace]?.[member]).toBe('function');
      expect(Object.isFrozen(api[namespace])).toBe(true);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own channel with the input as given', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 'answer' }));
    const api = buildApi(invoke, vi.fn());
    expect(await api.vault.unlock({ passphrase: 'correct horse battery staple' })).toEqual({ ok: true, value: 'answer' });
    await api.vault.status();
    await api.signer.render({ keyId: 'k', format: 'curl', request: { method: 'GET', path: '/' } });
    expect(invoke.mock.calls).toEqual([
      ['vault.unlock', { passphrase: 'correct horse battery staple' }],
      ['vault.status', undefined],
      ['signer.render', { keyId: 'k', format: 'curl', request: { method: 'GET', path: '/' } }],
    ]);
  });

  it('subscribes to events by name and passes on the payload only', () => {
    const unsubscribe = vi.fn();
    const subscribed: Array<[string, (payload: unknown) => void]> = [];
    const api = buildApi(vi.fn(), (event, listener) => {
      subscribed.push([event, listener]);
      return unsubscribe;
    });
    const seen: unknown[] = [];
    expect(api.exchange.onCodeWait((payload) => seen.push(payload))).toBe(unsubscribe);
    expect(subscribed.map(([event]) => event)).toEqual(['exchange.codeWait']);
    subscribed[0]?.[1]({ accountId: 'a', purpose: 'login', secondsLeft: 3 });
    expect(seen).toEqual([{ accountId: 'a', purpose: 'login', secondsLeft: 3 }]);
  });
});

describe('overIpcRenderer', () => {
  it("invokes with the input alone and hides Electron's event object from listeners", async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const ipcRenderer: IpcRendererLike = {
      invoke: vi.fn(async () => 'answer'),
      on: (channel, listener) => handlers.set(channel, listener),
      removeListener: (channel, listener) => handlers.get(channel) === listener && handlers.delete(channel),
    };
    const [invoke, listen] = overIpcRenderer(ipcRenderer);
    expect(await invoke('vault.lock', undefined)).toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('vault.lock', undefined);

    const received: unknown[][] = [];
    const unsubscribe = listen('vault.locked', (...args) => received.push(args));
    handlers.get('vault.locked')?.({ sender: 'the ipc itself' }, {});
    expect(received).toEqual([[{}]]);
    unsubscribe();
    expect(handlers.has('vault.locked')).toBe(false);
  });
});
